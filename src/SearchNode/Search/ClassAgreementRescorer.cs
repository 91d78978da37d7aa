using Pursearch.Index;
using Pursearch.Vision.Heads;

namespace Pursearch.SearchNode.Search;

/// <summary>The live identification head's <see cref="ClassAgreement"/> as a shard's candidate re-scorer.</summary>
public sealed class ClassAgreementRescorer(ClassAgreement agreement, int candidates = ClassAgreement.DefaultCandidates)
    : IHitRescorer
{
    public int Candidates => candidates;

    public float Rescore(float similarity, ReadOnlySpan<float> candidate) => agreement.Score(similarity, candidate);

    /// <summary>A re-scorer for this query, or none when the live model has no identification head.</summary>
    public static ClassAgreementRescorer? For(HeadSet heads, ReadOnlySpan<float> query) =>
        heads.Identification is { } head ? new ClassAgreementRescorer(new ClassAgreement(head, query)) : null;
}
