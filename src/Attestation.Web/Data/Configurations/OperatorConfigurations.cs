using Attestation.Domain.Applications;
using Attestation.Domain.Commission;
using Attestation.Domain.Directory;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class PeriodEventConfiguration : IEntityTypeConfiguration<PeriodEvent>
{
    public void Configure(EntityTypeBuilder<PeriodEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.Property(e => e.Reason).HasMaxLength(AttestationPeriod.ReasonMaxLength);
        builder.HasOne<AttestationPeriod>().WithMany(p => p.Events).HasForeignKey(e => e.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.PeriodId, e.At });
    }
}

public sealed class ScheduleApprovalConfiguration : IEntityTypeConfiguration<ScheduleApproval>
{
    public void Configure(EntityTypeBuilder<ScheduleApproval> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<AttestationPeriod>().WithMany().HasForeignKey(a => a.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ApprovedBy).OnDelete(DeleteBehavior.Restrict);
        // One approval per municipality and period: approving twice is a no-op, not a second row.
        builder.HasIndex(a => new { a.PeriodId, a.MunicipalityId }).IsUnique();
    }
}

public sealed class ExpertChecklistTickConfiguration : IEntityTypeConfiguration<ExpertChecklistTick>
{
    public void Configure(EntityTypeBuilder<ExpertChecklistTick> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Step).HasMaxLength(ExpertChecklistTick.StepMaxLength);
        builder.HasOne<Application>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ApplicationId, t.ExpertId, t.Step }).IsUnique();
    }
}

public sealed class CommissionMeetingConfiguration : IEntityTypeConfiguration<CommissionMeeting>
{
    public void Configure(EntityTypeBuilder<CommissionMeeting> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ProtocolNumber).HasMaxLength(CommissionMeeting.ProtocolNumberMaxLength);
        builder.Property(m => m.OrderNumber).HasMaxLength(CommissionMeeting.OrderNumberMaxLength);
        builder.Property<uint>("Version").IsRowVersion();
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => m.MeetingDate);
    }
}

public sealed class MeetingItemConfiguration : IEntityTypeConfiguration<MeetingItem>
{
    public void Configure(EntityTypeBuilder<MeetingItem> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Application>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.MeetingId, i.ApplicationId }).IsUnique();
        builder.HasIndex(i => i.ApplicationId);
    }
}
