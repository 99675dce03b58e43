using Attestation.Domain.Directory;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Municipality.NameMaxLength);
        builder.Property(m => m.ShortName).HasMaxLength(Municipality.ShortNameMaxLength);
        builder.HasIndex(m => m.Name).IsUnique();
        // xmin: the edit form carries it, so a save from an older form cannot overwrite another operator's.
        builder.Property<uint>(DirectoryPage.VersionProperty).IsRowVersion();
    }
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.ShortName).HasMaxLength(Organisation.ShortNameMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.MunicipalityId, o.Name }).IsUnique();
        // The operator's search by any part of the name or the short name.
        builder.HasIndex(o => new { o.Name, o.ShortName }, "IX_Organisations_NameSearch")
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops", "gin_trgm_ops");
        // xmin: the edit form carries it, so a save from an older form cannot overwrite another operator's.
        builder.Property<uint>(DirectoryPage.VersionProperty).IsRowVersion();
    }
}

public sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Position.NameMaxLength);
        builder.HasIndex(p => p.Name).IsUnique();
        // xmin: the edit form carries it, so a save from an older form cannot overwrite another operator's.
        builder.Property<uint>(DirectoryPage.VersionProperty).IsRowVersion();
    }
}

public sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Subject.NameMaxLength);
        builder.HasIndex(s => s.Name).IsUnique();
        // xmin: the edit form carries it, so a save from an older form cannot overwrite another operator's.
        builder.Property<uint>(DirectoryPage.VersionProperty).IsRowVersion();
    }
}
