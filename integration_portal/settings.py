"""Settings for Integration Portal.

Every knob is an environment variable with a safe local default, so a fresh clone runs with
SQLite and DEBUG on, and production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

from datetime import date
from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from integration_portal.env import database_from_url, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

# --- Core
DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The portal's public address (host and port, and scheme). Calendar UIDs and the links in feeds,
# calendar files, the sitemap and the admin's "View on site" use it whatever host a request came
# to, so a subscriber never sees one meeting under two names (core/site_address.py).
SITE_DOMAIN = env_str("SITE_DOMAIN", "127.0.0.1:8000")
SITE_SCHEME = env_str("SITE_SCHEME", "http" if DEBUG else "https")
# The sites framework's Site follows SITE_DOMAIN at each migrate (integration_portal/sites.py).
SITE_ID = 1

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # The search's trigram indexes (GinIndex); does nothing on SQLite.
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "simple_history",
    "import_export",
    # The background jobs' queue and results, in the portal's own database (see TASKS).
    "django_tasks_db",
    "core",
    "accounts",
    "feedback",
    "partners",
    "projects",
    "meetings",
    "reminders",
    "opendata",
    "integration_portal",
    # Demo data, synthetic national data and the benchmark: management commands only.
    "devtools",
]

MIDDLEWARE = [
    # Outermost, so that also the static files WhiteNoise answers carry the header.
    "integration_portal.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "integration_portal.middleware.AdminContentSecurityPolicyMiddleware",
    "integration_portal.middleware.DatabaseUnavailableMiddleware",
    "integration_portal.middleware.RejectNulInQueryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Private rows are read in the signed-in user's scope (core.private_rows).
    "integration_portal.middleware.PrivateRowsScopeMiddleware",
]

ROOT_URLCONF = "integration_portal.urls"
WSGI_APPLICATION = "integration_portal.wsgi.application"
ASGI_APPLICATION = "integration_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# Django's form templates in their Jinja2 version, the others as they are (see the module).
FORM_RENDERER = "core.form_renderer.JinjaFirstRenderer"

# --- Security
# Production (DEBUG off) gets the strict defaults; each can be relaxed by its variable. Behind a
# proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=1 only if the proxy overwrites
# X-Forwarded-Proto, otherwise a client could claim HTTPS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies of our own stand in front of the app servers, each appending to
# X-Forwarded-For: the client's address is read that many entries from the right, for the
# feedback and API rate limits and the audit log (core/client_address.py). 0: REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# A load balancer may poll the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page of the portal uses, denied to it and to anything it could embed
# (integration_portal.middleware.PermissionsPolicyMiddleware). "browsing-topics" is the
# successor of FLoC's "interest-cohort", which browsers no longer know and warn about.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Only our own origin, nothing inline: pages and their CSS must not need <script> or style=""
# blocks. The nonce lets Django's admin (which marks its few inline tags with one) keep working;
# pages that do not ask for it send no nonce. AdminContentSecurityPolicyMiddleware adds, on admin
# pages only, the inline style attributes and one inline handler that bundled admin add-ons use.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "style-src-attr": [CSP.UNSAFE_INLINE],
    # django-import-export's "Select all" checkbox: onchange="onSelectToggleChange(event)".
    "script-src-attr": [CSP.UNSAFE_HASHES, "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='"],
}
# The largest request body read into memory, and the most form fields, before a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- Database
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": database_from_url(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "portal.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Database replicas
# Comma-separated postgres:// URLs of streaming replicas of DATABASE_URL. The public pages' and
# the API's reads go to them (integration_portal/db_routers.py); writes, migrations, the back
# office and a visitor's reads for REPLICA_STICKY_SECONDS after they wrote stay on the primary.
# A replica that does not accept a connection within REPLICA_CONNECT_TIMEOUT_SECONDS is left
# out for REPLICA_HEALTH_CHECK_SECONDS, and reads fall back to the primary.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS", [])
REPLICA_STICKY_SECONDS = env_int("REPLICA_STICKY_SECONDS", 10)
REPLICA_CONNECT_TIMEOUT_SECONDS = env_int("REPLICA_CONNECT_TIMEOUT_SECONDS", 1)
REPLICA_HEALTH_CHECK_SECONDS = env_int("REPLICA_HEALTH_CHECK_SECONDS", 5)
for _number, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    DATABASES[f"replica{_number}"] = {
        **database_from_url(_url, conn_max_age=env_int("CONN_MAX_AGE", 60)),
        # Tests read the primary's test database through it, as they would a replica.
        "TEST": {"MIRROR": "default"},
    }
if DATABASE_REPLICA_URLS:
    DATABASE_ROUTERS = ["integration_portal.db_routers.ReplicaRouter"]
    # Before the session is read, so that also the session's and the user's reads are routed.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "integration_portal.db_routers.ReplicaRoutingMiddleware",
    )

# --- Accounts and sign-in
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelPermissionsBackend",
    "accounts.backends.EmailAuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "admin:index"
# Sign-in by e-mail; accounts are created by administrators (the adapter closes sign-up), and
# the Django admin's own login form is routed through allauth (accounts/admin.py).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Integration Portal] "
# Counted in the cache: with several server processes, configure a shared cache (CACHES).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_TOTP_ISSUER = "Integration Portal"
# Everyone with back-office access (every role) must activate an authenticator app before
# using it. On by default in production; off by default with DEBUG so the demo sign-ins work
# locally. PORTAL_REQUIRE_2FA=0 relaxes it, for example on a staging copy.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", default=not DEBUG)

# --- Cache
# With REDIS_URL every app server shares one cache (sign-in rate limits, cached page parts);
# without it each process keeps its own in memory, which suits one process.
REDIS_URL = env_str("REDIS_URL")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "portal")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache"
        if REDIS_URL
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": REDIS_URL or "portal",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
    }
}
# Counts, filter choices and the project list kept for visitors until an editor changes
# something (core/public_cache.py). On by default only with the shared cache: a
# change made through one process must reach every process's cached entries.
PUBLIC_CACHE = env_bool("PUBLIC_CACHE", default=bool(REDIS_URL))
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 15 * 60)
# A save or delete in these apps changes what the public pages show: cached copies expire.
PUBLIC_CONTENT_APPS = ["partners", "projects", "meetings"]

# --- Internationalisation
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ro", _("Romanian")),
    ("bg", _("Bulgarian")),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "ro", "bg")}
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Bucharest")
USE_I18N = True
# One date style per language ("7 December 2016", "7 decembrie 2016", "7 декември 2016 г."),
# 24-hour times and each language's number separators: core/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["core.formats"]
USE_TZ = True

# --- Static and media files
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# In production the app serves its own static files through WhiteNoise: compressed, with hashed
# names that browsers may keep for a year (run `collectstatic` at deploy). With DEBUG on,
# runserver serves them from the source folders as they change.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", default=not DEBUG)
if env_bool("SERVE_STATIC", default=not DEBUG):
    # Right after SecurityMiddleware: static files answer before sessions and the database.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Public media (logos) on S3-compatible storage once a bucket is named; needs the optional
# dependency: pip install -e ".[s3]". Credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (or the machine's role) as boto3 reads them.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": env_str("AWS_LOCATION", "media"),
            "file_overwrite": False,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", default=False),
        },
    }
# Private attachments live outside MEDIA_ROOT so no web server can serve them by URL.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private-media")))
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)

# --- PDF reports
# A report still being laid out after this many seconds is stopped and the reader asked to
# narrow it: below gunicorn's 30 s worker timeout, so the worker answers before it is killed.
# 0 lays reports out inside the web process, without a limit.
PDF_RENDER_TIMEOUT_SECONDS = env_int("PDF_RENDER_TIMEOUT_SECONDS", 20)

# --- Background jobs
# Django's tasks framework. The default queue lives in the portal's own database, so every app
# server and every worker (`manage.py db_worker`) share it with no other service; workers claim
# jobs with SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL. TASKS_BACKEND takes another
# backend's dotted path: django.tasks.backends.immediate.ImmediateBackend runs each job inside
# the request, and an RQ backend (django-tasks-rq) suits larger sites that run Redis.
TASKS = {
    "default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")},
}
# A report being prepared in the background may take this long to lay out before it is stopped
# and marked failed (no web worker is waiting for it, so this is far above the limit above).
REPORT_JOB_TIMEOUT_SECONDS = env_int("REPORT_JOB_TIMEOUT_SECONDS", 600)
# Attempts at one prepared report before it is marked failed; a person may ask again.
REPORT_JOB_MAX_ATTEMPTS = env_int("REPORT_JOB_MAX_ATTEMPTS", 3)
# Prepared reports (and their files) older than this are deleted by `delete_old_reports`.
PREPARED_REPORT_RETENTION_DAYS = env_int("PREPARED_REPORT_RETENTION_DAYS", 7)

# --- E-mail
# Seconds before a silent mail server gives up: a reminder left "sending" by a hung connection
# is safe to try again once this has surely passed (reminders.admin).
EMAIL_TIMEOUT_SECONDS = env_int("EMAIL_TIMEOUT", 60)
EMAIL_BACKEND_PATH = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": {
            key.lower(): value
            for key, value in {
                "HOST": env_str("EMAIL_HOST"),
                "PORT": env_int("EMAIL_PORT", 0) or None,
                "USERNAME": env_str("EMAIL_HOST_USER"),
                "PASSWORD": env_str("EMAIL_HOST_PASSWORD"),
                "USE_TLS": env_bool("EMAIL_USE_TLS", default=False) or None,
                "TIMEOUT": EMAIL_TIMEOUT_SECONDS if "smtp" in EMAIL_BACKEND_PATH else None,
            }.items()
            if value
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Integration Portal <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Operator, accessibility statement and privacy notice
# Who runs the portal, as the About, Contact, accessibility and privacy pages name them.
PORTAL_OPERATOR_NAME = env_str("PORTAL_OPERATOR_NAME", "Integration Portal operator")
PORTAL_OPERATOR_ADDRESS = env_str("PORTAL_OPERATOR_ADDRESS")
PORTAL_CONTACT_EMAIL = env_str("PORTAL_CONTACT_EMAIL", "contact@example.org")
PORTAL_CONTACT_PHONE = env_str("PORTAL_CONTACT_PHONE")
# When the accessibility statement was prepared and last reviewed (ISO dates): change them
# together with the statement's text, after checking the site again.
ACCESSIBILITY_STATEMENT_PREPARED_ON = date.fromisoformat(
    env_str("ACCESSIBILITY_STATEMENT_PREPARED_ON", "2026-12-02")
)
ACCESSIBILITY_STATEMENT_REVIEWED_ON = date.fromisoformat(
    env_str("ACCESSIBILITY_STATEMENT_REVIEWED_ON", "2026-12-02")
)
# The national body that enforces the web accessibility rules for public bodies' sites. In
# Romania that is the Authority for the Digitalisation of Romania (ADR), under Government
# Emergency Ordinance 112/2018, which transposes Directive (EU) 2016/2102.
ACCESSIBILITY_ENFORCEMENT_BODY = env_str(
    "ACCESSIBILITY_ENFORCEMENT_BODY", "Autoritatea pentru Digitalizarea României (ADR)"
)
ACCESSIBILITY_ENFORCEMENT_URL = env_str("ACCESSIBILITY_ENFORCEMENT_URL", "https://www.adr.gov.ro/")
ACCESSIBILITY_ENFORCEMENT_LAW = env_str(
    "ACCESSIBILITY_ENFORCEMENT_LAW", "Ordonanța de urgență a Guvernului nr. 112/2018"
)
# The data protection authority people may complain to (GDPR article 77).
PRIVACY_SUPERVISORY_AUTHORITY = env_str(
    "PRIVACY_SUPERVISORY_AUTHORITY",
    "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)",
)
PRIVACY_SUPERVISORY_AUTHORITY_URL = env_str(
    "PRIVACY_SUPERVISORY_AUTHORITY_URL", "https://www.dataprotection.ro/"
)
# How long personal data is kept, as the privacy notice states it. Attendance lists are part of
# a funded project's records and stay for the funding programme's audit period.
ATTENDANCE_RETENTION_YEARS = env_int("ATTENDANCE_RETENTION_YEARS", 10)
SIGN_IN_LOG_RETENTION_DAYS = env_int("SIGN_IN_LOG_RETENTION_DAYS", 180)
# Feedback messages older than this are deleted by `manage.py delete_old_feedback`.
FEEDBACK_RETENTION_YEARS = env_int("FEEDBACK_RETENTION_YEARS", 2)
# Feedback messages one address may send in the window, counted in the cache.
FEEDBACK_RATE_LIMIT = env_int("FEEDBACK_RATE_LIMIT", 5)
FEEDBACK_RATE_LIMIT_SECONDS = env_int("FEEDBACK_RATE_LIMIT_SECONDS", 3600)

# --- Reminders (`manage.py send_reminders`, run daily)
# How many days before a meeting its attendees and organisers are reminded, where the meeting
# does not say; and how many times a reminder is tried before it stays "failed".
REMINDER_DAYS_BEFORE = env_int("REMINDER_DAYS_BEFORE", 2)
REMINDER_MAX_ATTEMPTS = env_int("REMINDER_MAX_ATTEMPTS", 5)

# --- API
# The read-only JSON API at /api/ (api/): Django REST Framework with the public lists'
# FilterSets, its OpenAPI document by drf-spectacular and the documentation page's Swagger UI
# from drf-spectacular-sidecar's static files. Everyone reads it as an anonymous visitor,
# counted per address in the default cache (shared with REDIS_URL): API_ANON_RATE requests per
# second, minute, hour or day ("120/min"); over it, a 429 with Retry-After.
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "drf_spectacular_sidecar", "api"]
API_ANON_RATE = env_str("API_ANON_RATE", "120/min")
API_PAGE_SIZE = env_int("API_PAGE_SIZE", 20)
API_MAX_PAGE_SIZE = env_int("API_MAX_PAGE_SIZE", 100)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.ApiPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
}
# The document is generated in the language each request asks for (api/docs.py), so its
# texts are translated lazily like the models' names and help texts it quotes.
SPECTACULAR_SETTINGS = {
    "TITLE": _("Integration Portal API"),
    "DESCRIPTION": _(
        "Read-only public data of the Integration Portal: projects, programmes, organisations "
        "and their roles in projects, regions, integration centres and published meetings. "
        "Lists take the same filters as the portal's public lists. Texts follow "
        "Accept-Language or the lang parameter (en, ro, bg); official names stay in their "
        "own language."
    ),
    "VERSION": "1",
    # One per list, in the order the API's root names them.
    "TAGS": [
        {"name": "projects", "description": _("Published projects with their partners.")},
        {"name": "programmes", "description": _("The programmes that fund the projects.")},
        {"name": "organisations", "description": _("Organisations the portal has reviewed.")},
        {
            "name": "participations",
            "description": _("The role each organisation has in each project."),
        },
        {
            "name": "regions",
            "description": _("Countries, regions, counties and cities, in tree order."),
        },
        {"name": "centres", "description": _("Integration centres and working points.")},
        {
            "name": "meetings",
            "description": _("Published meetings with their public agenda and decisions."),
        },
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per vocabulary, where several fields share the name "kind" or "status".
    "ENUM_NAME_OVERRIDES": {
        "RegionKindEnum": "partners.enums.RegionKind",
        "OrganisationKindEnum": "partners.enums.OrganisationKind",
        "CentreKindEnum": "partners.enums.CentreKind",
        "OfficialLanguageEnum": "partners.enums.OFFICIAL_LANGUAGE_CHOICES",
        "MeetingKindEnum": "meetings.enums.MeetingKind",
        "MeetingStatusEnum": "meetings.enums.MeetingStatus",
        "AttachmentKindEnum": "meetings.enums.AttachmentKind",
        "OutputKindEnum": "projects.enums.OutputKind",
        "ProjectStatusEnum": "projects.enums.ProjectStatus",
    },
}

# --- Map
# Centres, organisations and meeting venues on a map (maps/), drawn with Leaflet from the
# portal's own static files over country outlines shipped with it. MAP_TILES_URL names a tile
# server ("https://tiles.example.org/{z}/{x}/{y}.png") for a street background; off by default,
# and when set its origin joins img-src only on pages that show a map (maps.middleware).
# MAP_TILES_ATTRIBUTION is the credit the tile server asks for (HTML, as Leaflet shows it).
INSTALLED_APPS += ["maps"]
MAP_TILES_URL = env_str("MAP_TILES_URL", "")
MAP_TILES_ATTRIBUTION = env_str("MAP_TILES_ATTRIBUTION", "")
# Inside the CSP middleware, so that the policy it leaves on a map page is the one sent.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.csp.ContentSecurityPolicyMiddleware") + 1,
    "maps.middleware.MapTilesContentSecurityPolicyMiddleware",
)

# --- Logging
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"timed": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "timed"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # Sign-ins, failed sign-ins and admin changes: who did what, and when.
    "loggers": {"audit": {"level": env_str("AUDIT_LOG_LEVEL", "INFO")}},
}
