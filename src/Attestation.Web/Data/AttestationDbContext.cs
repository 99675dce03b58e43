using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Commission;
using Attestation.Domain.Directory;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Attestation.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Data;

public sealed class AttestationDbContext(DbContextOptions<AttestationDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Shared by every portal instance so cookies and tokens survive restarts and load balancing.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<HeldCategory> HeldCategories => Set<HeldCategory>();
    public DbSet<AttestationPeriod> Periods => Set<AttestationPeriod>();
    public DbSet<ApprovedExpertList> ApprovedExpertLists => Set<ApprovedExpertList>();
    public DbSet<ApprovedExpert> ApprovedExperts => Set<ApprovedExpert>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();
    public DbSet<PeriodEvent> PeriodEvents => Set<PeriodEvent>();
    public DbSet<ScheduleApproval> ScheduleApprovals => Set<ScheduleApproval>();
    public DbSet<ExpertChecklistTick> ExpertChecklistTicks => Set<ExpertChecklistTick>();
    public DbSet<CommissionMeeting> CommissionMeetings => Set<CommissionMeeting>();
    public DbSet<MeetingItem> MeetingItems => Set<MeetingItem>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Domain.Schools.SchoolDutyTick> SchoolDutyTicks => Set<Domain.Schools.SchoolDutyTick>();
    public DbSet<NotificationLog> NotificationLogs => Set<NotificationLog>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<ReminderOptOut> ReminderOptOuts => Set<ReminderOptOut>();
    public DbSet<RegistrationCounter> RegistrationCounters => Set<RegistrationCounter>();
    public DbSet<Areas.Operator.Pages.Control.ControlCounts> ControlCounts => Set<Areas.Operator.Pages.Control.ControlCounts>();
    public DbSet<ReadModel.CountedAhead> CountedAhead => Set<ReadModel.CountedAhead>();
    public DbSet<ReadModel.DirectoryVersion> DirectoryVersions => Set<ReadModel.DirectoryVersion>();
    public DbSet<ReadModel.ApprovedExpertCount> ApprovedExpertCounts => Set<ReadModel.ApprovedExpertCount>();

    public DbSet<ReadModel.ConclusionStageCount> ConclusionStageCounts => Set<ReadModel.ConclusionStageCount>();
    public DbSet<ReadModel.PeriodScheduleCount> PeriodScheduleCounts => Set<ReadModel.PeriodScheduleCount>();
    public DbSet<ReadModel.AwaitingPeriodCount> AwaitingPeriodCounts => Set<ReadModel.AwaitingPeriodCount>();

    /// <summary>Uploaded and generated files; reach them through <see cref="IFileStore"/>.</summary>
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<AccountEvent> AccountEvents => Set<AccountEvent>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Trigram indexes serve the name searches («%гимназия%»); a trusted extension since PostgreSQL 13.
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AttestationDbContext).Assembly);
        SqlWindow.Register(builder);
        SqlLiteral.Register(builder);
    }

    /// <summary>
    /// Two people changing one application at once both append history event N+1: the unique index on the event
    /// number then fails before the xmin check would. Either way it is the same conflict, and pages handle one type.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException error) when (error is not DbUpdateConcurrencyException
            && error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
            && unique.ConstraintName == ApplicationEventConfiguration.NumberIndex)
        {
            throw new DbUpdateConcurrencyException(
                "Another request changed the application at the same time.", error);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and in exports, stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
