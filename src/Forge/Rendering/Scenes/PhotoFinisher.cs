using SkiaSharp;

namespace Pursearch.Forge.Rendering.Scenes;

/// <summary>Applies the camera to a finished scene: exposure, contrast, saturation, white balance, directional light, blur, vignette and grain.</summary>
public static class PhotoFinisher
{
    public static SKBitmap Apply(SKBitmap scene, PhotoFinish finish, Random rng)
    {
        var output = Canvases.NewBitmap(scene.Width, scene.Height);
        using var canvas = new SKCanvas(output);
        using (var image = SKImage.FromBitmap(scene))
        using (var paint = new SKPaint
        {
            ColorFilter = SKColorFilter.CreateColorMatrix(ColourMatrix(finish)),
            ImageFilter = finish.Blur > 0 ? SKImageFilter.CreateBlur(finish.Blur, finish.Blur, SKShaderTileMode.Clamp) : null,
        })
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        var w = scene.Width;
        var h = scene.Height;
        var angle = finish.LightAngle * MathF.PI / 180;
        var dir = new SKPoint(MathF.Cos(angle) * w / 2, MathF.Sin(angle) * h / 2);
        using (var light = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(w / 2f - dir.X, h / 2f - dir.Y), new SKPoint(w / 2f + dir.X, h / 2f + dir.Y),
                [SKColors.White.WithAlpha(40), SKColors.Transparent, SKColors.Black.WithAlpha(50)], [0f, 0.5f, 1f],
                SKShaderTileMode.Clamp),
        })
            canvas.DrawRect(0, 0, w, h, light);
        if (finish.Vignette > 0)
        {
            using var vignette = new SKPaint
            {
                Shader = SKShader.CreateRadialGradient(new SKPoint(w / 2f, h / 2f), MathF.Sqrt(w * w + h * h) / 2,
                    [SKColors.Transparent, SKColors.Black.WithAlpha((byte)(255 * finish.Vignette))], [0.5f, 1f],
                    SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, w, h, vignette);
        }
        using var grain = Textures.Overlay(Textures.Grain, 1f, 1f, new SKPoint(rng.Next(256), rng.Next(256)),
            (byte)(255 * finish.Grain));
        canvas.DrawRect(0, 0, w, h, grain);
        return output;
    }

    private static float[] ColourMatrix(PhotoFinish f)
    {
        const float lr = 0.2126f, lg = 0.7152f, lb = 0.0722f;
        var s = f.Saturation;
        var gain = f.Exposure * f.Contrast;
        var offset = 0.5f * (1 - f.Contrast) * f.Exposure;
        var red = gain * (1 + f.Warmth);
        var blue = gain * (1 - f.Warmth);
        return
        [
            red * (lr * (1 - s) + s), red * lg * (1 - s), red * lb * (1 - s), 0, offset,
            gain * lr * (1 - s), gain * (lg * (1 - s) + s), gain * lb * (1 - s), 0, offset,
            blue * lr * (1 - s), blue * lg * (1 - s), blue * (lb * (1 - s) + s), 0, offset,
            0, 0, 0, 1, 0,
        ];
    }
}
