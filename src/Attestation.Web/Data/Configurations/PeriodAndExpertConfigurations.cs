using Attestation.Domain.Categories;
using Attestation.Domain.Directory;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class AttestationPeriodConfiguration : IEntityTypeConfiguration<AttestationPeriod>
{
    public void Configure(EntityTypeBuilder<AttestationPeriod> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CloseReason).HasMaxLength(AttestationPeriod.ReasonMaxLength);
        builder.Property(p => p.ReopenReason).HasMaxLength(AttestationPeriod.ReasonMaxLength);
        builder.HasIndex(p => new { p.StartYear, p.StartMonth }).IsUnique();
        builder.Navigation(p => p.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ApprovedExpertListConfiguration : IEntityTypeConfiguration<ApprovedExpertList>
{
    public void Configure(EntityTypeBuilder<ApprovedExpertList> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.OrderNumber).HasMaxLength(ApprovedExpertList.OrderNumberMaxLength);
        builder.HasIndex(l => l.SchoolYearStart).IsUnique();
        builder.HasMany(l => l.Entries).WithOne().HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ApprovedExpertConfiguration : IEntityTypeConfiguration<ApprovedExpert>
{
    public void Configure(EntityTypeBuilder<ApprovedExpert> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Subject>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(e => e.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ListId, e.ExpertId, e.MunicipalityId }).IsUnique();
        // The scheduling form lists the approved experts of one municipality.
        builder.HasIndex(e => new { e.MunicipalityId, e.ListId });
    }
}

public sealed class HeldCategoryConfiguration : IEntityTypeConfiguration<HeldCategory>
{
    public void Configure(EntityTypeBuilder<HeldCategory> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PositionName).HasMaxLength(HeldCategory.PositionNameMaxLength);
        builder.Property(c => c.DecisionNumber).HasMaxLength(HeldCategory.DecisionNumberMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.TeacherId).OnDelete(DeleteBehavior.Cascade);
        // A teacher's categories, and those of the teachers of an organisation ending in a school year («Перспективный
        // план»): looked up by teacher and date, where the region's categories ending in the year were all read.
        builder.HasIndex(c => new { c.TeacherId, c.ExpiresOn });
        // «Сроки действия категорий»: legacy categories expiring soon, region-wide.
        builder.HasIndex(c => c.ExpiresOn).HasFilter("\"ExpiresOn\" IS NOT NULL");
    }
}
