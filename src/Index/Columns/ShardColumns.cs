using Pursearch.Core.Catalog;

namespace Pursearch.Index.Columns;

/// <summary>
/// The shard's rows as columns: price in the base currency, compact retailer/brand/style/family ids and
/// availability, read by filters on every node a walk reaches; the product (display fields) per row; and the
/// statistics the planner estimates from. A row number is also the row's key in the HNSW graph.
/// Not thread-safe: the shard mutates it under its write lock and reads it under its read lock.
/// </summary>
internal sealed class ShardColumns
{
    private static readonly int AvailabilityStates = Enum.GetValues<Availability>().Length;

    private readonly Dictionary<ProductId, int> _rowOf = [];
    private readonly Stack<int> _freeRows = new();
    private readonly int[] _rowsByAvailability = new int[AvailabilityStates];
    private float[] _price = [];
    private int[] _retailer = [];
    private int[] _brand = [];
    private int[] _style = [];
    private int[] _family = [];
    private byte[] _availability = [];
    private bool[] _inGraph = [];
    private IndexedProduct?[] _products = [];

    public NameTable Retailers { get; } = new();
    public NameTable Brands { get; } = new();
    public NameTable Styles { get; } = new();
    public NameTable Families { get; } = new();
    public PriceHistogram Prices { get; } = new();

    /// <summary>Rows ever used (live or free): the scan range.</summary>
    public int RowCount { get; private set; }

    public int LiveCount => _rowOf.Count;

    public int Capacity => _products.Length;

    public IEnumerable<int> LiveRows => _rowOf.Values;

    /// <summary>Rows freed by removals and not yet reused; the graph holds as many reusable (removed) nodes.</summary>
    public int FreeRowCount => _freeRows.Count;

    public bool TryGetRow(ProductId id, out int row) => _rowOf.TryGetValue(id, out row);

    public IndexedProduct? ProductAt(int row) => (uint)row < (uint)RowCount ? _products[row] : null;

    public float PriceAt(int row) => _price[row];

    public int RetailerAt(int row) => _retailer[row];

    public int BrandAt(int row) => _brand[row];

    public int StyleAt(int row) => _style[row];

    public int FamilyAt(int row) => _family[row];

    public Availability AvailabilityAt(int row) => (Availability)_availability[row];

    public int RowsWith(Availability availability) => _rowsByAvailability[(int)availability];

    /// <summary>
    /// Whether the row's vector add has returned. USearch publishes a key before the pointer to its vector, so
    /// reading a vector back (<c>usearch_get</c>) during its add would read through a null pointer; scans wait
    /// for this flag. Set by the adding threads (one row each) beside readers, hence the volatile access.
    /// </summary>
    public bool IsInGraph(int row) => Volatile.Read(ref _inGraph[row]);

    public void MarkInGraph(int row) => Volatile.Write(ref _inGraph[row], true);

    /// <summary>Rows that take <paramref name="additional"/> more products without reallocating.</summary>
    public int RowsNeededFor(int additional) => RowCount + Math.Max(0, additional - _freeRows.Count);

    public void EnsureCapacity(int rows)
    {
        if (rows <= Capacity)
            return;
        var capacity = Math.Max(rows, Math.Max(16, Capacity + Capacity / 2));
        Array.Resize(ref _price, capacity);
        Array.Resize(ref _retailer, capacity);
        Array.Resize(ref _brand, capacity);
        Array.Resize(ref _style, capacity);
        Array.Resize(ref _family, capacity);
        Array.Resize(ref _availability, capacity);
        Array.Resize(ref _inGraph, capacity);
        Array.Resize(ref _products, capacity);
    }

    /// <summary>Puts a new product in a free row (or a fresh one); the id must not be present.</summary>
    public int Insert(IndexedProduct product, float priceInBase)
    {
        if (_rowOf.ContainsKey(product.Id))
            throw new InvalidOperationException($"{product.Id} already has a row");
        var row = _freeRows.Count > 0 ? _freeRows.Pop() : NextFreshRow();
        _rowOf.Add(product.Id, row);
        Write(row, product, priceInBase);
        return row;
    }

    /// <summary>Places a product at a given row, as a snapshot recorded it.</summary>
    public void Restore(int row, IndexedProduct product, float priceInBase)
    {
        EnsureCapacity(row + 1);
        if (_products[row] is not null || !_rowOf.TryAdd(product.Id, row))
            throw new InvalidOperationException($"row {row} or {product.Id} is restored twice");
        RowCount = Math.Max(RowCount, row + 1);
        Write(row, product, priceInBase);
    }

    /// <summary>After <see cref="Restore"/>: every unused row below the high-water mark becomes free.</summary>
    public void CollectFreeRows()
    {
        _freeRows.Clear();
        for (var row = RowCount - 1; row >= 0; row--)
            if (_products[row] is null)
                _freeRows.Push(row);
    }

    public int Delete(ProductId id)
    {
        if (!_rowOf.Remove(id, out var row))
            return -1;
        Count(row, -1);
        _products[row] = null;
        _inGraph[row] = false;
        _freeRows.Push(row);
        return row;
    }

    /// <summary>New price and stock state for a row; the vector and the other columns stay.</summary>
    public void Reprice(int row, IndexedProduct product, float priceInBase)
    {
        Count(row, -1);
        _products[row] = product;
        _price[row] = priceInBase;
        _availability[row] = (byte)product.Availability;
        Count(row, +1);
    }

    private int NextFreshRow()
    {
        EnsureCapacity(RowCount + 1);
        return RowCount++;
    }

    private void Write(int row, IndexedProduct product, float priceInBase)
    {
        _products[row] = product;
        _price[row] = priceInBase;
        _retailer[row] = Retailers.Intern(product.Id.Retailer);
        _brand[row] = Brands.Intern(product.Brand);
        _style[row] = Styles.Intern(product.Style);
        _family[row] = Families.Intern(product.Family.ToString());
        _availability[row] = (byte)product.Availability;
        Count(row, +1);
    }

    private void Count(int row, int delta)
    {
        Retailers.Adjust(_retailer[row], delta);
        Brands.Adjust(_brand[row], delta);
        Styles.Adjust(_style[row], delta);
        Families.Adjust(_family[row], delta);
        _rowsByAvailability[_availability[row]] += delta;
        Prices.Adjust(_price[row], delta);
    }
}
