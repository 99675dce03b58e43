using Attestation.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const string DueIndex = "IX_OutboxMessages_Due";
    public const string HeldIndex = "IX_OutboxMessages_Held";
    public const string GoneIndex = "IX_OutboxMessages_Gone";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        // xmin: «Отправить повторно» carries it, so a second press (or a press on a letter the sender meanwhile took) is
        // seen for what it is.
        builder.Property<uint>("Version").IsRowVersion();
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);

        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);

        // The sender's claim: the waiting letters that are due, oldest first.
        builder.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasDatabaseName(DueIndex)
            .HasFilter($"\"{nameof(OutboxMessage.Status)}\" = '{nameof(OutboxStatus.Waiting)}'");
        // The operator's queue: one state a page at a time, the newest first.
        builder.HasIndex(m => new { m.Status, m.Id });
        // Search by address: «ivanova» finds «Ivanova.A@school.ru».
        builder.HasIndex(m => m.To).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(m => m.ApplicationId).HasFilter($"\"{nameof(OutboxMessage.ApplicationId)}\" IS NOT NULL");
        builder.HasIndex(m => m.UserId).HasFilter($"\"{nameof(OutboxMessage.UserId)}\" IS NOT NULL");
        // The daily digest: the few people with letters held for it.
        builder.HasIndex(m => m.UserId, HeldIndex)
            .HasFilter($"\"{nameof(OutboxMessage.Status)}\" = '{nameof(OutboxStatus.Held)}'");
        // The cleanup of letters gone long ago (sent, or sent inside a digest), the oldest first.
        builder.HasIndex(m => m.SentAt, GoneIndex)
            .HasFilter($"\"{nameof(OutboxMessage.SentAt)}\" IS NOT NULL");
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);

        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Application>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);

        // One's own list, the newest first, a page at a time.
        builder.HasIndex(n => new { n.UserId, n.Id });
        // The bell's count on every page: the unread only.
        builder.HasIndex(n => n.UserId).HasFilter($"\"{nameof(Notification.ReadAt)}\" IS NULL")
            .HasDatabaseName("IX_Notifications_Unread");
        builder.HasIndex(n => n.ApplicationId).HasFilter($"\"{nameof(Notification.ApplicationId)}\" IS NOT NULL");
    }
}

public sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        // xmin: the settings form carries it, so two windows saving different choices do not silently overwrite.
        builder.Property<uint>("Version").IsRowVersion();
        builder.Property(s => s.CalendarTokenHash).HasMaxLength(NotificationSettings.TokenHashLength);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<NotificationSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // The anonymous feed finds its owner by the hash of the token in its address.
        builder.HasIndex(s => s.CalendarTokenHash).IsUnique()
            .HasFilter($"\"{nameof(NotificationSettings.CalendarTokenHash)}\" IS NOT NULL");
    }
}

public sealed class ReminderOptOutConfiguration : IEntityTypeConfiguration<ReminderOptOut>
{
    public void Configure(EntityTypeBuilder<ReminderOptOut> builder)
    {
        // The job asks «has this person switched this reminder off» for each recipient: the key answers.
        builder.HasKey(o => new { o.UserId, o.Kind });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
