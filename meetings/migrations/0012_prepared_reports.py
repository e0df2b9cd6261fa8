import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import meetings.report_storage


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0011_achieved_outputs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PreparedReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("quarterly", "Quarterly report"),
                            ("meetings", "Meeting reports"),
                        ],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "parameters",
                    models.JSONField(
                        default=dict,
                        help_text="What the report covers, as it was asked.",
                        verbose_name="parameters",
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[("en", "English"), ("ro", "Romanian"), ("bg", "Bulgarian")],
                        max_length=8,
                        verbose_name="language",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Queued"),
                            ("preparing", "Being prepared"),
                            ("ready", "Ready"),
                            ("failed", "Failed"),
                        ],
                        default="queued",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "file",
                    models.FileField(
                        blank=True,
                        storage=meetings.report_storage.PreparedReportStorage(),
                        upload_to="reports/%Y/%m/",
                        verbose_name="file",
                    ),
                ),
                ("error", models.TextField(blank=True, verbose_name="error")),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                (
                    "task_result_id",
                    models.CharField(blank=True, max_length=64, verbose_name="task result id"),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="requested at"
                    ),
                ),
                (
                    "finished_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="finished at"),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="prepared_reports",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="requested by",
                    ),
                ),
            ],
            options={
                "verbose_name": "prepared report",
                "verbose_name_plural": "prepared reports",
                "ordering": ["-created_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["requested_by", "-created_at"], name="prepared_report_owner_idx"
                    ),
                    models.Index(fields=["created_at"], name="prepared_report_created_idx"),
                ],
            },
        ),
    ]
