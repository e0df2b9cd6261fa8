import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_portal.settings")

application = get_asgi_application()
# As in wsgi.py: what start-up loaded is kept out of the collector's full collections.
gc.freeze()
