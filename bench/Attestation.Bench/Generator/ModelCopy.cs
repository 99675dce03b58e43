using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Attestation.Bench.Generator;

/// <summary>
/// Writes entities of the portal's model with PostgreSQL's binary COPY: the table, the columns, the value converters
/// and the column types all come from the EF Core model, owned types (the application's conclusion, decision and
/// withdrawal) flattened into their owner's row, so that the rows are exactly what the portal would have saved.
/// </summary>
internal sealed class ModelCopy
{
    private readonly string _table;
    private readonly List<Column> _columns = [];

    private sealed record Column(string Name, string DataType, Func<object, object?> Read);

    private ModelCopy(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _table = type.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
        Add(type, table, entity => entity);
    }

    public static ModelCopy For<T>(DbContext db) =>
        new(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."));

    public async Task<ulong> WriteAsync(NpgsqlConnection connection, IEnumerable<object> entities, CancellationToken ct)
    {
        var columns = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {_table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entity in entities)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in _columns)
            {
                if (column.Read(entity) is { } value)
                    await importer.WriteAsync(value, column.DataType, ct);
                else
                    await importer.WriteNullAsync(ct);
            }
        }
        return await importer.CompleteAsync(ct);
    }

    private void Add(IEntityType type, StoreObjectIdentifier table, Func<object, object?> owner)
    {
        foreach (var property in type.GetProperties())
        {
            var name = property.GetColumnName(table);
            // xmin is PostgreSQL's own, as is a column it computes (the applications' search name) or one the portal
            // never writes (an account's flag of submission, kept by triggers); an owned type's key is its owner's.
            if (name is null or "xmin" || property.GetComputedColumnSql(table) is not null
                || property.GetBeforeSaveBehavior() == PropertySaveBehavior.Ignore || _columns.Any(c => c.Name == name))
                continue;
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            var dataType = property.GetColumnType();
            var parenthesis = dataType.IndexOf('(', StringComparison.Ordinal);
            if (parenthesis > 0)
                dataType = dataType[..parenthesis].Trim();
            _columns.Add(new Column(name, dataType, entity =>
            {
                if (owner(entity) is not { } source)
                    return null;
                var value = getter.GetClrValue(source);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            }));
        }

        foreach (var navigation in type.GetNavigations())
        {
            var target = navigation.TargetEntityType;
            if (!target.IsOwned() || navigation.IsCollection || target.GetTableName() != table.Name)
                continue;
            var getter = navigation.GetGetter();
            Add(target, table, entity => owner(entity) is { } source ? getter.GetClrValue(source) : null);
        }
    }
}
