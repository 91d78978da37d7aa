namespace Pursearch.Storage.Sqlite;

/// <summary>One step of the schema: applied once, in version order, recorded in <c>schema_migrations</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql);
