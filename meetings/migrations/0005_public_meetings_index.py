from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0004_search_and_sort_indexes'),
        ('partners', '0004_search_and_sort_indexes'),
        ('projects', '0003_search_and_sort_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(condition=models.Q(('is_published', True), models.Q(('status', 'draft'), _negated=True)), fields=['starts_at'], name='meeting_public_starts_at_idx'),
        ),
    ]
