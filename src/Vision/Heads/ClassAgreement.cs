using System.Numerics.Tensors;

namespace Pursearch.Vision.Heads;

/// <summary>
/// Ranks catalog vectors for one query by cosine similarity plus <see cref="Weight"/> × the agreement of the
/// identification head's handbag-class probabilities for the query and the candidate (their dot product). Raw
/// ImageNet features lean on texture, so two styles of one brand that share its pattern sit close by cosine; the head
/// tells them apart. Applied at query time to stored vectors, it needs no reindex when the heads are retrained.
/// </summary>
public sealed class ClassAgreement
{
    /// <summary>Chosen on the training set's validation photos, where weights from 0.1 to 1 re-rank within 0.006 of each
    /// other (style in the top 3: 0.773 by cosine alone, 0.944 at 0.2).</summary>
    public const float DefaultWeight = 0.2f;

    /// <summary>How many cosine-nearest candidates are re-ranked: the shopper's page shows at most a few dozen.</summary>
    public const int DefaultCandidates = 100;

    private readonly IdentificationHead _head;
    private readonly int[] _handbagClasses;
    private readonly float[] _query;

    public ClassAgreement(IdentificationHead head, ReadOnlySpan<float> queryVector, float weight = DefaultWeight)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (!(weight >= 0 && float.IsFinite(weight)))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "must be a finite number >= 0");
        _head = head;
        _handbagClasses = [.. Enumerable.Range(0, head.Classes.Count).Where(c => !head.Classes[c].IsNotHandbag)];
        _query = HandbagProbabilities(queryVector);
        Weight = weight;
    }

    public float Weight { get; }

    /// <summary>(cosine + weight × agreement) / (1 + weight): the order of cosine + weight × agreement, kept at most 1 so
    /// that it still reads as a similarity.</summary>
    public float Score(float similarity, ReadOnlySpan<float> candidate) =>
        (similarity + Weight * TensorPrimitives.Dot(_query, HandbagProbabilities(candidate))) / (1 + Weight);

    // "Not a handbag" is left out: two photos agreeing that neither shows a bag says nothing about style.
    private float[] HandbagProbabilities(ReadOnlySpan<float> vector)
    {
        var all = _head.Probabilities(vector);
        var handbag = new float[_handbagClasses.Length];
        for (var i = 0; i < handbag.Length; i++)
            handbag[i] = all[_handbagClasses[i]];
        return handbag;
    }
}
