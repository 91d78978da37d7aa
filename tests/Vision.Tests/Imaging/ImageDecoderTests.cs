using SkiaSharp;
using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Tests.Imaging;

public sealed class ImageDecoderTests
{
    private readonly ImageDecoder _decoder = new();

    [Fact]
    public void Zero_bytes_are_rejected_as_empty() =>
        AssertRejected(ImageRejectionReason.Empty, []);

    [Fact]
    public void Text_named_jpg_is_an_unsupported_format() =>
        AssertRejected(ImageRejectionReason.UnsupportedFormat, "this is not a photo of a handbag\n"u8.ToArray());

    [Fact]
    public void Truncated_jpeg_is_corrupt()
    {
        var jpeg = TestImages.Scene(1);
        AssertRejected(ImageRejectionReason.Corrupt, jpeg[..(jpeg.Length / 2)]);
    }

    [Fact]
    public void Jpeg_cut_inside_its_header_is_corrupt() =>
        AssertRejected(ImageRejectionReason.Corrupt, TestImages.Scene(1)[..40]);

    [Fact]
    public void Png_claiming_30000_square_is_refused_from_the_header_without_decoding()
    {
        var png = TestImages.PngHeaderClaiming(30000, 30000);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(png));

        Assert.Equal(ImageRejectionReason.TooManyPixels, error.Reason);
        Assert.Contains("30000×30000", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 1_000_000);
    }

    [Fact]
    public void Header_is_read_without_decoding()
    {
        var header = _decoder.ReadHeader(TestImages.PngHeaderClaiming(300, 200));

        Assert.Equal(new ImageHeader(ImageFormat.Png, 300, 200), header);
    }

    [Fact]
    public void Byte_and_pixel_limits_are_configurable()
    {
        var jpeg = TestImages.Jpeg(64, 64, TestImages.Red, TestImages.Blue);

        Assert.Equal(ImageRejectionReason.TooLarge, Assert.Throws<ImageRejectedException>(
            () => new ImageDecoder(new DecodeLimits { MaxBytes = 100 }).Decode(jpeg)).Reason);
        Assert.Equal(ImageRejectionReason.TooManyPixels, Assert.Throws<ImageRejectedException>(
            () => new ImageDecoder(new DecodeLimits { MaxPixels = 64 * 63 }).Decode(jpeg)).Reason);
    }

    [Fact]
    public void Default_limits_are_10_MB_and_40_megapixels()
    {
        Assert.Equal(10L * 1024 * 1024, DecodeLimits.Default.MaxBytes);
        Assert.Equal(40_000_000, DecodeLimits.Default.MaxPixels);
    }

    [Fact]
    public void Jpeg_decodes_to_rgba_in_the_right_channel_order()
    {
        using var image = _decoder.Decode(TestImages.Jpeg(64, 48, TestImages.Red, TestImages.Blue));

        Assert.Equal((ImageFormat.Jpeg, 64, 48), (image.Format, image.Width, image.Height));
        AssertHalves(image.Render(NormalizedBox.Full, 64, 48), TestImages.Red, TestImages.Blue);
    }

    [Fact]
    public void Png_webp_and_bmp_decode()
    {
        using var png = _decoder.Decode(TestImages.Png(40, 30, TestImages.Red, TestImages.Blue));
        using var bitmap = TestImages.Halves(40, 30, TestImages.Red, TestImages.Blue);
        using var webp = _decoder.Decode(TestImages.Encode(bitmap, SKEncodedImageFormat.Webp, 90));
        using var bmp = _decoder.Decode(TestImages.Bmp(40, 30, TestImages.Red, TestImages.Blue));

        foreach (var (image, format) in new[] { (png, ImageFormat.Png), (webp, ImageFormat.Webp), (bmp, ImageFormat.Bmp) })
        {
            Assert.Equal((format, 40, 30), (image.Format, image.Width, image.Height));
            AssertHalves(image.Render(NormalizedBox.Full, 40, 30), TestImages.Red, TestImages.Blue);
        }
    }

    [Fact]
    public void Cmyk_jpeg_decodes_to_the_right_colours()
    {
        using var image = _decoder.Decode(TestImages.TestData("cmyk-red-blue.jpg"));

        Assert.Equal((ImageFormat.Jpeg, 64, 48), (image.Format, image.Width, image.Height));
        AssertHalves(image.Render(NormalizedBox.Full, 64, 48), new SKColor(255, 0, 0), new SKColor(0, 0, 255));
    }

    [Fact]
    public void Sixteen_bit_png_decodes()
    {
        using var bitmap = TestImages.Halves(40, 30, TestImages.Red, TestImages.Blue, SKColorType.Rgba16161616);
        var png = TestImages.Encode(bitmap, SKEncodedImageFormat.Png);
        Assert.Equal(16, png[24]); // IHDR bit depth: it really is a 16-bit PNG

        using var image = _decoder.Decode(png);

        AssertHalves(image.Render(NormalizedBox.Full, 40, 30), TestImages.Red, TestImages.Blue);
    }

    [Fact]
    public void Grayscale_png_decodes_to_equal_channels()
    {
        using var bitmap = TestImages.Halves(40, 30, new SKColor(40, 40, 40), new SKColor(200, 200, 200), SKColorType.Gray8);
        using var image = _decoder.Decode(TestImages.Encode(bitmap, SKEncodedImageFormat.Png));

        AssertHalves(image.Render(NormalizedBox.Full, 40, 30), new SKColor(40, 40, 40), new SKColor(200, 200, 200));
    }

    [Fact]
    public void Animated_gif_gives_its_first_frame()
    {
        using var image = _decoder.Decode(TestImages.TestData("animated-red-blue.gif"));

        Assert.Equal((ImageFormat.Gif, 16, 16), (image.Format, image.Width, image.Height));
        var pixels = image.Render(NormalizedBox.Full, 16, 16);
        AssertColour(new SKColor(255, 0, 0), pixels[3, 3]);
        AssertColour(new SKColor(255, 0, 0), pixels[12, 12]);
    }

    [Theory]
    [InlineData(6)] // rotate 90° clockwise: stored column 0 (red) becomes the top row
    [InlineData(8)] // rotate 90° counter-clockwise: stored column 0 (red) becomes the bottom row
    [InlineData(3)] // rotate 180°: red goes to the right
    public void Exif_orientation_is_applied(ushort orientation)
    {
        var jpeg = TestImages.WithExifOrientation(TestImages.Jpeg(40, 20, TestImages.Red, TestImages.Blue), orientation);

        var header = _decoder.ReadHeader(jpeg);
        using var image = _decoder.Decode(jpeg);

        var pixels = image.Render(NormalizedBox.Full, image.Width, image.Height);
        if (orientation == 3)
        {
            Assert.Equal((40, 20), (image.Width, image.Height));
            AssertHalves(pixels, TestImages.Blue, TestImages.Red);
            return;
        }
        Assert.Equal((20, 40), (header.Width, header.Height));
        Assert.Equal((20, 40), (image.Width, image.Height));
        var (top, bottom) = orientation == 6 ? (TestImages.Red, TestImages.Blue) : (TestImages.Blue, TestImages.Red);
        AssertColour(top, pixels[10, 5]);
        AssertColour(bottom, pixels[10, 34]);
    }

    [Fact]
    public void Transparent_png_is_composited_on_white()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(20, 20, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Transparent);
        using var image = _decoder.Decode(TestImages.Encode(bitmap, SKEncodedImageFormat.Png));

        AssertColour(SKColors.White, image.Square(8)[4, 4]);
    }

    [Fact]
    public void Large_jpeg_is_decoded_at_a_reduced_scale_that_still_covers_the_requested_side()
    {
        var jpeg = TestImages.Jpeg(1000, 750, TestImages.Red, TestImages.Blue);

        using var full = _decoder.Decode(jpeg);
        using var scaled = _decoder.Decode(jpeg, minSide: 224);

        Assert.Equal((1000, 750), (full.DecodedWidth, full.DecodedHeight));
        Assert.Equal((1000, 750), (scaled.Width, scaled.Height));
        Assert.InRange(Math.Min(scaled.DecodedWidth, scaled.DecodedHeight), 224, 375);
        AssertHalves(scaled.Square(224), TestImages.Red, TestImages.Blue);
    }

    [Fact]
    public void Square_squashes_rather_than_crops_and_crop_takes_the_box()
    {
        // 300×100, left half red: squashing keeps the red/blue boundary in the middle; a centre crop would not.
        using var image = _decoder.Decode(TestImages.Png(300, 100, TestImages.Red, TestImages.Blue));

        AssertHalves(image.Square(64), TestImages.Red, TestImages.Blue);
        var rightQuarter = image.Crop(new NormalizedBox(0.75, 0, 0.25, 1), 32);
        AssertColour(TestImages.Blue, rightQuarter[2, 16]);
        AssertColour(TestImages.Blue, rightQuarter[29, 16]);
    }

    [Fact]
    public void Shrinking_far_does_not_alias_a_fine_stripe_pattern()
    {
        // 1-pixel black/white stripes shrunk 16×: an aliasing resize gives black or white, a filtered one grey.
        using var bitmap = new SKBitmap(new SKImageInfo(1024, 1024, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var x = 0; x < 1024; x++)
        {
            for (var y = 0; y < 1024; y++)
                bitmap.SetPixel(x, y, x % 2 == 0 ? SKColors.Black : SKColors.White);
        }
        using var image = _decoder.Decode(TestImages.Encode(bitmap, SKEncodedImageFormat.Png));

        var small = image.Square(64);

        for (var x = 8; x < 56; x += 7)
            Assert.InRange(small[x, 32].R, 100, 160);
    }

    private void AssertRejected(ImageRejectionReason reason, byte[] bytes)
    {
        Assert.Equal(reason, Assert.Throws<ImageRejectedException>(() => _decoder.Decode(bytes)).Reason);
        Assert.Equal(reason, Assert.Throws<ImageRejectedException>(() => _decoder.Decode(bytes, minSide: 224)).Reason);
    }

    private static void AssertHalves(RgbaImage pixels, SKColor left, SKColor right)
    {
        var y = pixels.Height / 2;
        AssertColour(left, pixels[pixels.Width / 8, y]);
        AssertColour(right, pixels[pixels.Width - 1 - pixels.Width / 8, y]);
    }

    private static void AssertColour(SKColor expected, (byte R, byte G, byte B) actual)
    {
        const int tolerance = 30;
        Assert.True(Math.Abs(expected.Red - actual.R) <= tolerance && Math.Abs(expected.Green - actual.G) <= tolerance
            && Math.Abs(expected.Blue - actual.B) <= tolerance,
            $"expected about ({expected.Red}, {expected.Green}, {expected.Blue}), got {actual}");
    }
}
