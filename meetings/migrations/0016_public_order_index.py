"""Published meetings' keys in the lists' order, newest first and ties broken by the key."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0015_search_names"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                condition=models.Q(
                    ("is_published", True), models.Q(("status", "draft"), _negated=True)
                ),
                fields=["-starts_at", "-id"],
                name="meeting_public_order_idx",
            ),
        ),
    ]
