"""Back up and restore the database and the uploaded files, on PostgreSQL or SQLite.

A backup is a folder holding `database.dump` (pg_dump's custom format) or `database.sqlite3`
(SQLite's online backup), `files.tar.gz` (public media and private attachments) and
`manifest.json` (when, which engine, and the row count of every table, checked on restore).
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

DATABASE_DUMP = "database.dump"
DATABASE_SQLITE = "database.sqlite3"
FILES_ARCHIVE = "files.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def file_roots() -> dict[str, Path]:
    return {"media": Path(settings.MEDIA_ROOT), "private-media": Path(settings.PRIVATE_MEDIA_ROOT)}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def default_destination() -> Path:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / stamp


def backup(destination: Path) -> Path:
    """Write a backup of the database and files into `destination` (a new folder)."""
    destination.mkdir(parents=True, exist_ok=False)
    if connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl"], DATABASE_DUMP, destination)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(destination / DATABASE_SQLITE)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"No backup method for {connection.vendor}")
    with tarfile.open(destination / FILES_ARCHIVE, "w:gz") as archive:
        for name, root in file_roots().items():
            if root.exists():
                archive.add(root, arcname=name)
    manifest = {
        "created": datetime.datetime.now(datetime.UTC).isoformat(),
        "engine": connection.vendor,
        "row_counts": row_counts(),
    }
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return destination


def restore(source: Path) -> dict[str, int]:
    """Replace the database and files with the backup in `source`; returns the row counts.

    Raises BackupError if the backup is for another engine or the restored rows differ from
    what the backup counted.
    """
    manifest = json.loads((source / MANIFEST).read_text())
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"This backup is of {manifest['engine']}, not {connection.vendor}")
    if connection.vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-acl",
                "--single-transaction",
                "--exit-on-error",
                str(source / DATABASE_DUMP),
            ],
            None,
            source,
        )
    else:
        connection.ensure_connection()
        origin = sqlite3.connect(source / DATABASE_SQLITE)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
    _restore_files(source / FILES_ARCHIVE)
    counts = row_counts()
    if counts != manifest["row_counts"]:
        differing = sorted(
            label
            for label in set(counts) | set(manifest["row_counts"])
            if counts.get(label) != manifest["row_counts"].get(label)
        )
        raise BackupError(f"Row counts differ after the restore: {', '.join(differing)}")
    return counts


def _restore_files(archive_path: Path) -> None:
    roots = file_roots()
    with tempfile.TemporaryDirectory() as unpacked, tarfile.open(archive_path) as archive:
        archive.extractall(unpacked, filter="data")
        for name, root in roots.items():
            if root.exists():
                shutil.rmtree(root)
            restored = Path(unpacked) / name
            if restored.exists():
                shutil.copytree(restored, root)


def _run(command: list[str], output_name: str | None, folder: Path) -> None:
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    arguments = [*command, "--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            arguments += [option, str(db[key])]
    if output_name:
        arguments += ["--file", str(folder / output_name)]
    completed = subprocess.run(arguments, env=env, capture_output=True, text=True)
    if completed.returncode != 0:
        raise BackupError(f"{command[0]} failed: {completed.stderr.strip()}")
