using Attestation.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const string DueIndex = "IX_OutboxMessages_Due";

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
