"""PostgreSQL search index, the shared cache table, and the Editors group."""

from django.contrib.auth.management import create_permissions
from django.core.management import call_command
from django.db import migrations

EDITABLE_MODELS = {
    "signatories": ["signatory", "source", "citation", "milestone", "milestonecount"],
    "principles": ["principle"],
}


def add_trigram_index(apps, schema_editor):
    # `q` filters with LIKE '%word%' on the normalised search_text; on PostgreSQL a
    # trigram GIN index serves it. SQLite scans the (small) table instead.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS signatory_search_trgm "
        "ON signatories_signatory USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS signatory_search_trgm")


def create_cache_table(apps, schema_editor):
    # The default cache is the database's own (shared by every worker and server).
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def create_editors_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name="Editors")
    codenames = [
        f"{action}_{model}"
        for models in EDITABLE_MODELS.values()
        for model in models
        for action in ("add", "change", "view")
    ]
    editors.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=EDITABLE_MODELS, codename__in=codenames
        )
    )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("signatories", "0001_initial"),
        ("principles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_trigram_index, drop_trigram_index),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
        migrations.RunPython(create_editors_group, remove_editors_group),
    ]
