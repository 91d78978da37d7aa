namespace Pursearch.Forge;

/// <summary>Progress of one stage of a generation: how many of its items are written.</summary>
public sealed record ForgeProgress(string Stage, int Done, int Total);

/// <summary>What a generation wrote, and how long it took.</summary>
public sealed record ForgeSummary(
    int Products, int HeldOutStreet, int TrainStreet, int HeldOutNegatives, int TrainNegatives, TimeSpan Elapsed)
{
    public int Images => Products + HeldOutStreet + TrainStreet + HeldOutNegatives + TrainNegatives;
}
