"""The one settings module. Everything that differs between a laptop and production is an environment
variable read here; README.md lists them all. With no environment FlameBlue runs on SQLite under ``var/``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from flameblue.env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(env_str("FLAMEBLUE_HOME", str(Path.cwd())))
VAR_DIR = Path(env_str("FLAMEBLUE_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
PRODUCTION = env_bool("FLAMEBLUE_PRODUCTION", False)
_DEV_SECRET = "flameblue-insecure-development-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else _DEV_SECRET)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when FLAMEBLUE_PRODUCTION is on")
# Key for personal data encrypted at rest (ID numbers). Separate from SECRET_KEY so that rotating the
# session key does not make stored ID numbers unreadable.
FIELD_ENCRYPTION_KEY = env_str("FIELD_ENCRYPTION_KEY", SECRET_KEY)
#: A local copy of hazards/rules/deadlines.yaml (default rectification periods are local practice);
#: empty uses the file shipped in the repository.
HAZARD_DEADLINES_FILE = env_str("FLAMEBLUE_DEADLINES_FILE", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "huey.contrib.djhuey",
    "flameblue.core",
    "flameblue.geo",
    "flameblue.org",
    "flameblue.workdays",
    "flameblue.units",
    "flameblue.inspections",
    "flameblue.hazards",
    "flameblue.governance",
    "flameblue.campaigns",
    "flameblue.outreach",
    "flameblue.events",
    "flameblue.corps",
    "flameblue.integrity",
    "flameblue.community",
    "flameblue.enforcement",
    "flameblue.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "flameblue.core.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "flameblue.core.middleware.SessionLimitsMiddleware",
    "flameblue.core.middleware.TwoFactorRequiredMiddleware",
    "flameblue.core.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "flameblue.urls"
WSGI_APPLICATION = "flameblue.wsgi.application"
AUTH_USER_MODEL = "org.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "login"

# Django's form renderer, with <select> written in Python instead of a template per option.
FORM_RENDERER = "flameblue.core.form_renderer.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "flameblue.core.context_processors.navigation",
            ],
        },
    }
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'flameblue.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
# A connection kept across requests is checked before reuse, so a database restart costs no failed request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    # Redis down reads as a cache miss (logged), so pages and login keep working from the database.
    CACHES = {
        "default": {
            "BACKEND": "flameblue.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "flameblue_cache"}
    }

# Background jobs: Huey on SQLite embedded, on Redis in production (any number of consumers).
HUEY_IMMEDIATE = env_bool("HUEY_IMMEDIATE", False)
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": env_str("HUEY_NAME", "flameblue"),
        "url": REDIS_URL,
        "immediate": HUEY_IMMEDIATE,
        "consumer": {"workers": env_int("HUEY_WORKERS", 2), "worker_type": "thread"},
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "flameblue",
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": HUEY_IMMEDIATE,
        "consumer": {"workers": env_int("HUEY_WORKERS", 2), "worker_type": "thread"},
    }

# Passwords and login (等保 2.0 level 3).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "flameblue.core.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "flameblue.core.passwords.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "flameblue.core.passwords.WhitespacePaddingValidator"},
    {"NAME": "flameblue.core.passwords.CommonPasswordValidator"},
    {"NAME": "flameblue.core.passwords.PasswordHistoryValidator"},
]
# Passwords an account may not reuse: the current one and this many before it.
PASSWORD_HISTORY_COUNT = env_int("PASSWORD_HISTORY_COUNT", 5)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
# A lockout lasts 15 minutes from the fifth failure; attempts during it neither count nor extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "flameblue.org.views_auth.locked_out"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0)

SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"
)
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_MAX_HOURS", 12) * 3600
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS
# The idle clock is refreshed at most once a minute (core.middleware.SessionLimitsMiddleware), not by
# saving the session on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
REQUIRE_2FA_FOR_ADMIN_ROLES = env_bool("FLAMEBLUE_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "FlameBlue 火焰蓝"

AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 180)
AUDIT_MIN_RETENTION_DAYS = 180

# Internationalisation: Chinese first.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["flameblue.core.formats"]  # date inputs render ISO, which <input type="date"> requires
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from finders; the folder just exists
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10) * 1024 * 1024
# Unit import (units/sheets): caps per worksheet, counted by streaming before anything reads the sheet,
# and how long a running import job may stay silent before it shows as interrupted (中断).
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 100_000)
IMPORT_MAX_CELLS = env_int("IMPORT_MAX_CELLS", 3_000_000)
IMPORT_MAX_UNPACKED_MB = env_int("IMPORT_MAX_UNPACKED_MB", 400)
IMPORT_STALE_MINUTES = env_int("IMPORT_STALE_MINUTES", 10)
IMPORT_HEARTBEAT_SECONDS = env_int("IMPORT_HEARTBEAT_SECONDS", 30)
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

# Demo accounts' password (seed-demo).
DEMO_PASSWORD = env_str("FLAMEBLUE_DEMO_PASSWORD", "Huoyan#Lan2026")

API_TOKEN_HOURS = env_int("API_TOKEN_HOURS", 12)
# The OpenAPI schema and its docs pages: open to anyone only when DEBUG is on or this is set; otherwise
# they need a logged-in user (session or token), like the API itself.
API_SCHEMA_PUBLIC = env_bool("API_SCHEMA_PUBLIC", DEBUG)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "flameblue.org.api_auth.ExpiringTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "flameblue.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "FlameBlue 火焰蓝 API",
    "DESCRIPTION": "消防安全工作平台 API：所有数据按用户辖区范围过滤。",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": [
        "rest_framework.permissions.AllowAny"
        if API_SCHEMA_PUBLIC
        else "rest_framework.permissions.IsAuthenticated"
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation documents the error statuses the API answers (400/401/403/404/409/429/503).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "flameblue.core.api_schema.add_error_responses",
    ],
    # Choice sets shared by several fields get one schema name each (hazards: status, grade, source …).
    "ENUM_NAME_OVERRIDES": {
        "HazardStatusEnum": "flameblue.hazards.choices.HazardStatus",
        "SummaryVersionKindEnum": "flameblue.reports.models.VersionKind",
        "HazardGradeEnum": "flameblue.hazards.choices.HazardGrade",
        "HazardSourceEnum": "flameblue.hazards.choices.HazardSource",
        "NoticeStatusEnum": "flameblue.hazards.choices.NoticeStatus",
        "DeadlineUnitEnum": "flameblue.hazards.choices.DeadlineUnit",
        "InspectionKindEnum": "flameblue.inspections.choices.InspectionKind",
        "TipCategoryEnum": "flameblue.hazards.choices.TipCategory",
        "MeetingKindEnum": "flameblue.governance.choices.MeetingKind",
        "GovernmentRecordKindEnum": "flameblue.governance.choices.RecordKind",
        "OrganizationKindEnum": "flameblue.org.choices.OrgKind",
        "CampaignLevelEnum": "flameblue.campaigns.choices.CampaignLevel",
        "MaterialKindEnum": "flameblue.outreach.choices.MaterialKind",
        "RotationRatingEnum": "flameblue.corps.staffing.choices.RotationRating",
        "ReportRatingEnum": "flameblue.integrity.discipline.choices.ReportRating",
        "EventLevelEnum": "flameblue.events.choices.EventLevel",
        "EventStatusEnum": "flameblue.events.choices.EventStatus",
        "PartnerKindEnum": "flameblue.community.choices.PartnerKind",
        "PartyMeetingKindEnum": "flameblue.community.agenda.choices.MeetingKind",
        "SealingStatusEnum": "flameblue.enforcement.choices.SealingStatus",
        "PreOpeningStatusEnum": "flameblue.enforcement.choices.PreOpeningStatus",
        "EventCheckStatusEnum": "flameblue.enforcement.choices.EventCheckStatus",
        "CheckResultEnum": "flameblue.enforcement.choices.CheckResult",
        "ResultEnum": "flameblue.inspections.choices.AnswerResult",  # keeps its name beside CheckResult
        # corps part A
        "DutyStatusEnum": "flameblue.corps.choices.DutyStatus",
        "RotationStatusEnum": "flameblue.corps.staffing.choices.RotationStatus",
        "ObjectionStatusEnum": "flameblue.corps.objections.choices.ObjectionStatus",
        "CorrectiveActionStatusEnum": "flameblue.corps.rectification.models.ActionStatus",
        "ClueStatusEnum": "flameblue.integrity.discipline.choices.ClueStatus",
        "MeasureStatusEnum": "flameblue.integrity.discipline.choices.MeasureStatus",
        "SupervisionActivityKindEnum": "flameblue.integrity.supervision.choices.ActivityKind",
    },
}

# Content security policy: no inline scripts, assets served from our own origin only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if PRODUCTION:
    DEBUG = False
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_COOKIE_HTTPONLY = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters with 5 distinct characters")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Notification channels (in-app inbox always; these are extra).
NOTIFICATION_CHANNELS = env_list("NOTIFICATION_CHANNELS", ["flameblue.core.notify.LoggingChannel"])

# axes.W006 asks for IP-based lockout too. We lock the *account* (username) as 等保 requires; locking by IP
# would lock out a whole government office behind one NAT address after five typos by one person.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
