using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

/// <summary>The five roles are reference data: every database has them from its first migration.</summary>
public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public static readonly IReadOnlyDictionary<string, Guid> Ids = new Dictionary<string, Guid>
    {
        [Roles.Teacher] = new("0193a2c0-0000-7000-8000-000000000001"),
        [Roles.SchoolCoordinator] = new("0193a2c0-0000-7000-8000-000000000002"),
        [Roles.MunicipalCoordinator] = new("0193a2c0-0000-7000-8000-000000000003"),
        [Roles.Expert] = new("0193a2c0-0000-7000-8000-000000000004"),
        [Roles.Operator] = new("0193a2c0-0000-7000-8000-000000000005"),
    };

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(Ids.Select(role => new IdentityRole<Guid>
        {
            Id = role.Value,
            Name = role.Key,
            NormalizedName = role.Key.ToUpperInvariant(),
            ConcurrencyStamp = role.Value.ToString(),
        }));
}
