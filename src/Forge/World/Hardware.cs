namespace Pursearch.Forge.World;

/// <summary>Straps, handles and metal fittings of a style; a style combines several.</summary>
[Flags]
public enum Hardware
{
    None = 0,
    TurnLock = 1 << 0,
    ChainStrap = 1 << 1,
    LeatherStrap = 1 << 2,
    TopHandles = 1 << 3,
    SingleHandle = 1 << 4,
    Buckles = 1 << 5,
    Padlock = 1 << 6,
    Drawstring = 1 << 7,
    Horsebit = 1 << 8,
    KnotHandle = 1 << 9,
    Zip = 1 << 10,
}

/// <summary>Names of hardware and of the other class enums as they appear in JSON: lower-case, hyphenated.</summary>
public static class WorldNames
{
    public static string Kebab<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) =>
            char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The parts of a hardware set, in declaration order, joined by '+' (e.g. "turn-lock+chain-strap"), or "none".</summary>
    public static string Kebab(Hardware hardware) =>
        hardware == Hardware.None ? "none" : string.Join('+', Parts(hardware).Select(h => Kebab<Hardware>(h)));

    public static IEnumerable<Hardware> Parts(Hardware hardware) =>
        Enum.GetValues<Hardware>().Where(h => h != Hardware.None && hardware.HasFlag(h));
}
