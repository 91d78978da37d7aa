using Pursearch.Core.Search;
using Pursearch.Vision.Pipeline;

namespace Pursearch.SearchNode.Search;

/// <summary>A validated search: crop mode, filter, how many results, and whether colour variants collapse.</summary>
public sealed record SearchRequest(CropMode Crop, SearchFilter Filter, int K = SearchSettings.DefaultK, bool Collapse = true);
