namespace Pursearch.Index.Columns;

/// <summary>
/// A per-shard dictionary of names (retailers, brands, styles, families) to dense compact ids, with how many
/// live rows hold each id: the columns store ids, the planner reads the counts.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<int> _counts = [];

    public int Count => _names.Count;

    public int Intern(string name)
    {
        if (_ids.TryGetValue(name, out var id))
            return id;
        id = _names.Count;
        _ids.Add(name, id);
        _names.Add(name);
        _counts.Add(0);
        return id;
    }

    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    public string NameOf(int id) => _names[id];

    /// <summary>Live rows holding the id.</summary>
    public int RowsWith(int id) => _counts[id];

    public void Adjust(int id, int delta) => _counts[id] += delta;
}
