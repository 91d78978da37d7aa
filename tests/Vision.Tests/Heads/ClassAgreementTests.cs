using Pursearch.Vision.Heads;

namespace Pursearch.Vision.Tests.Heads;

public sealed class ClassAgreementTests
{
    // Two handbag classes read off axes 0 and 1, "not a handbag" off axis 2; axis 3 carries no class.
    private static readonly IdentificationHead Head = new(
        [new("a/one", "A", "One"), new("b/two", "B", "Two"), HeadClass.NotHandbag], 4,
        [8, 0, 0, 0, /**/ 0, 8, 0, 0, /**/ 0, 0, 8, 0], new float[3]);

    [Fact]
    public void A_candidate_of_the_query_class_outranks_a_slightly_closer_one_of_another_class()
    {
        var query = Vector(1, 0, 0, 1);
        var sameClass = Vector(1, 0, 0, 0.2f);
        var otherClass = Vector(0, 1, 0, 4);
        var agreement = new ClassAgreement(Head, query);

        var same = agreement.Score(Cosine(query, sameClass), sameClass);
        var other = agreement.Score(Cosine(query, otherClass), otherClass);

        Assert.True(Cosine(query, otherClass) > Cosine(query, sameClass) - 0.2f);
        Assert.True(same > other, $"same class {same} vs other class {other}");
    }

    [Fact]
    public void Weight_zero_is_the_cosine_and_agreement_on_not_a_handbag_adds_nothing()
    {
        var query = Vector(0, 0, 1, 0);

        Assert.Equal(0.37f, new ClassAgreement(Head, query, weight: 0).Score(0.37f, Vector(1, 0, 0, 0)));
        Assert.Equal(0.5f / 1.2f, new ClassAgreement(Head, query, weight: 0.2f).Score(0.5f, Vector(0, 0, 1, 0)), 2);
    }

    [Fact]
    public void Full_agreement_at_full_similarity_scores_one()
    {
        var query = Vector(1, 0, 0, 0);

        Assert.Equal(1f, new ClassAgreement(Head, query).Score(1f, query), 2);
    }

    [Fact]
    public void Bad_weights_and_vectors_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClassAgreement(Head, Vector(1, 0, 0, 0), -0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClassAgreement(Head, Vector(1, 0, 0, 0), float.NaN));
        Assert.Throws<ArgumentException>(() => new ClassAgreement(Head, new float[3]));
    }

    private static float[] Vector(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / norm)];
    }

    private static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
