import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_portal.settings")

application = get_wsgi_application()
# What start-up loaded (modules, settings, apps' registries) stays for the process's life: out
# of the collector's generations, a full collection no longer walks it, which took up to a few
# hundred milliseconds of some requests.
gc.freeze()
