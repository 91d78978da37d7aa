namespace Pursearch.Index.Native;

/// <summary>Decides, during a graph walk, whether a key may appear in the results.</summary>
internal interface IKeyFilter
{
    bool Accepts(ulong key);
}
