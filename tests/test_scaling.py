"""Past one machine: the shared cache on Redis, a read replica, media on S3-compatible storage.

Each is tested against an engine that runs here: the Redis server on 127.0.0.1:6379 (CI starts
it; REDIS_TEST_URL picks another), a second PostgreSQL database made from the test database as
a replica would be, and moto's S3 server started by the test on a free loopback port.
"""

import io
import os
import socket
import time
import uuid

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from PIL import Image

from archive import routers
from archive.config import ConfigurationError, cache_from_env, media_storage_from_env, use_connection_pool
from captions.models import Photo
from tests.builders import editor, make_photo, production, researcher

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/9")
IN_CI = bool(os.environ.get("CI"))


# --- settings from the environment ------------------------------------------------------------


def test_the_cache_is_redis_when_redis_url_is_set_else_a_folder_else_memory():
    assert cache_from_env({"REDIS_URL": "redis://cache:6379/2"}) == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache:6379/2",
        "KEY_PREFIX": "archive",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    assert cache_from_env({"CACHE_DIR": "/data/cache"})["LOCATION"] == "/data/cache"
    assert cache_from_env({})["BACKEND"].endswith("LocMemCache")
    with pytest.raises(ConfigurationError, match="REDIS_URL='cache:6379' is not a Redis URL"):
        cache_from_env({"REDIS_URL": "cache:6379"})


def test_a_bad_redis_url_never_echoes_its_password():
    with pytest.raises(ConfigurationError) as caught:
        cache_from_env({"REDIS_URL": "http://user:secret@cache:6379"})
    assert "secret" not in str(caught.value)


def test_media_go_to_s3_when_s3_bucket_is_set():
    assert media_storage_from_env({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    storage = media_storage_from_env(
        {"S3_BUCKET": "photos", "S3_ENDPOINT_URL": "http://127.0.0.1:9000", "S3_REGION": "eu-central-1"}
    )
    assert storage["BACKEND"] == "archive.storage.PrivateS3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "photos",
        "location": "media",
        "default_acl": None,
        "file_overwrite": False,
        "endpoint_url": "http://127.0.0.1:9000",
        "region_name": "eu-central-1",
    }
    with pytest.raises(ConfigurationError, match="S3_ENDPOINT_URL"):
        media_storage_from_env({"S3_BUCKET": "photos", "S3_ENDPOINT_URL": "127.0.0.1:9000"})


def test_the_connection_pool_replaces_persistent_connections_on_postgresql_only():
    pg = {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 60, "OPTIONS": {"options": "-c x=1"}}
    pooled = use_connection_pool(dict(pg, OPTIONS=dict(pg["OPTIONS"])), 4)
    assert pooled["CONN_MAX_AGE"] == 0
    assert pooled["OPTIONS"] == {"options": "-c x=1", "pool": {"min_size": 1, "max_size": 4, "timeout": 10}}
    assert use_connection_pool(dict(pg), 0) == pg
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "CONN_MAX_AGE": 0}
    assert use_connection_pool(dict(sqlite), 4) == sqlite


# --- the shared cache on Redis ----------------------------------------------------------------


@pytest.fixture
def redis_cache():
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if IN_CI:
            raise
        pytest.skip(f"no Redis server at {REDIS_TEST_URL} (.ci/run starts one)")
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    config = cache_from_env({"REDIS_URL": REDIS_TEST_URL, "CACHE_KEY_PREFIX": prefix})
    with override_settings(CACHES={"default": config}):
        yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


def test_two_processes_share_one_redis_cache(redis_cache):
    client, prefix = redis_cache
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    config = settings.CACHES["default"]
    one = RedisCache(config["LOCATION"], {**config})  # two workers' own cache objects
    two = RedisCache(config["LOCATION"], {**config})
    one.set("facets:q=berlin", {"count": 1234}, 60)
    assert two.get("facets:q=berlin") == {"count": 1234}
    assert isinstance(caches["default"], RedisCache)
    assert client.exists(f"{prefix}:1:facets:q=berlin")


@pytest.mark.django_db
def test_the_admin_keeps_its_supplier_list_in_redis(redis_cache, client):
    redis_client, prefix = redis_cache
    make_photo(supplier="Northwind Press")
    client.force_login(editor())
    assert client.get("/admin/captions/photo/").status_code == 200
    # the change list's supplier filter caches its list (whatever the key), and it is in Redis
    assert list(redis_client.scan_iter(f"{prefix}:*"))


@pytest.mark.django_db
def test_a_signed_in_page_reads_its_session_and_permissions_from_redis(redis_cache, client):
    """With REDIS_URL the session is Django's cached_db (written through to the database) and the
    permissions are cached (archive/permissions.py): a signed-in page reads neither from the
    database; signing out ends the session on every worker, since they share the one cache."""
    redis_client, prefix = redis_cache
    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.cached_db", PERMISSIONS_CACHE_SECONDS=300):
        client.force_login(production())
        assert client.get("/").status_code == 200
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        read = " ".join(q["sql"] for q in captured.captured_queries)
        assert "django_session" not in read and "auth_permission" not in read
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        assert any(b"sessions" in key for key in redis_client.scan_iter(f"{prefix}:*"))
        client.post("/accounts/logout/")
        client.cookies[settings.SESSION_COOKIE_NAME] = cookie  # a copy of the cookie kept
        assert client.get("/").status_code == 302


# --- the read replica -------------------------------------------------------------------------


def test_only_reads_of_read_only_requests_go_to_the_replica():
    seen = {}

    def view(request):
        seen["photo"] = routers.ReplicaRouter().db_for_read(Photo)
        from django.contrib.auth.models import User

        seen["user"] = routers.ReplicaRouter().db_for_read(User)
        from django.http import HttpResponse

        return HttpResponse("ok")

    middleware = routers.ReadOnlyRequestMiddleware(view)
    factory = RequestFactory()
    connections.settings["replica"] = connections.settings["default"]  # configured, never queried here
    try:
        middleware(factory.get("/"))
        assert seen == {"photo": "replica", "user": "default"}
        response = middleware(factory.post("/i18n/setlang/"))
        assert seen == {"photo": "default", "user": "default"}
        assert response.cookies[routers.PIN_COOKIE]["max-age"] == settings.REPLICA_PIN_SECONDS
        pinned = factory.get("/")
        pinned.COOKIES[routers.PIN_COOKIE] = "1"
        middleware(pinned)  # just wrote: reads stay on the primary for a while
        assert seen["photo"] == "default"
    finally:
        del connections.settings["replica"]
    assert routers.ReplicaRouter().db_for_write(Photo) == "default"
    assert not routers.ReplicaRouter().allow_migrate("replica", "captions")


def _pg_url(name: str) -> dict:
    return {**settings.DATABASES["default"], "NAME": name}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the replica is a second PostgreSQL database")
@pytest.mark.django_db(transaction=True)
def test_a_read_only_page_reads_the_replica_and_a_write_the_primary(client):
    """The replica is a copy of the test database (CREATE DATABASE ... TEMPLATE), then made to
    differ in one caption, so each page shows which database it read."""
    user = researcher()
    photo = make_photo(caption="Caption on the primary")
    primary = connection.settings_dict["NAME"]
    replica = f"{primary}_replica"[:63]
    import psycopg

    admin = psycopg.connect(
        host=connection.settings_dict["HOST"] or "127.0.0.1",
        port=connection.settings_dict["PORT"] or 5432,
        user=connection.settings_dict["USER"],
        dbname="postgres",
        autocommit=True,
    )
    connections.close_all()  # a template database must have no other session
    admin.execute(f'DROP DATABASE IF EXISTS "{replica}"')
    for attempt in range(5):
        # other threads of the suite (a live server) may hold a connection: they reconnect
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [primary],
        )
        try:
            admin.execute(f'CREATE DATABASE "{replica}" TEMPLATE "{primary}"')
            break
        except psycopg.errors.ObjectInUse:
            if attempt == 4:
                raise
            time.sleep(0.5)
    try:
        with psycopg.connect(
            host=admin.info.host, port=admin.info.port, user=admin.info.user, dbname=replica, autocommit=True
        ) as other:
            other.execute("UPDATE captions_photo SET caption = 'Caption on the replica' WHERE id = %s", [photo.pk])
        connections.settings["replica"] = connections.settings["default"] | {"NAME": replica}
        connections["replica"].connect()  # connected here, since the test case only knew "default"
        with override_settings(DATABASE_ROUTERS=["archive.routers.ReplicaRouter"]):
            client.force_login(user)  # the session is written to the primary only
            page = client.get(f"/photos/{photo.pk}/")
            assert page.status_code == 200  # signed in: sessions and users are read from the primary
            assert b"Caption on the replica" in page.content

            # a write, even inside a read-only request, goes to the primary
            def write(request):
                Photo.objects.filter(pk=photo.pk).update(headline="Written to the primary")
                from django.http import HttpResponse

                return HttpResponse("ok")

            routers.ReadOnlyRequestMiddleware(write)(RequestFactory().get("/"))
            assert Photo.objects.using("default").get(pk=photo.pk).headline == "Written to the primary"
            assert Photo.objects.using("replica").get(pk=photo.pk).headline == ""
            # any POST pins the browser to the primary for a while (replicas lag)
            assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
            assert b"Caption on the primary" in client.get(f"/photos/{photo.pk}/").content
            client.cookies.pop(routers.PIN_COOKIE)
            assert b"Caption on the replica" in client.get(f"/photos/{photo.pk}/").content
    finally:
        if "replica" in connections.settings:
            connections["replica"].close()
            del connections.settings["replica"]
        admin.execute(f'DROP DATABASE IF EXISTS "{replica}" WITH (FORCE)')
        admin.close()


# --- media on S3-compatible object storage ----------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3_bucket():
    import boto3
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    env = {
        "S3_BUCKET": "archive-media",
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test",
    }
    s3 = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
    )
    s3.create_bucket(Bucket="archive-media")
    storages = {**settings.STORAGES, "default": media_storage_from_env(env)}
    try:
        with override_settings(STORAGES=storages):
            yield s3
    finally:
        server.stop()


def _jpeg(size=(320, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "JPEG", dpi=(300, 300))
    return out.getvalue()


@pytest.mark.django_db
def test_an_uploaded_image_and_its_renditions_live_in_the_bucket_and_are_served_by_the_app(s3_bucket, client):
    from captions.images import uploads
    from captions.services import images as image_services

    photo = make_photo(width_px=320, height_px=200)
    upload = SimpleUploadedFile("harbour.jpg", _jpeg())
    image_services.attach_image(photo=photo, prepared=uploads.prepare_upload(uploads.identify_upload(upload)))
    photo.save()
    keys = {item["Key"] for item in s3_bucket.list_objects_v2(Bucket="archive-media")["Contents"]}
    assert {f"media/{photo.image.name}", f"media/{photo.thumbnail.name}", f"media/{photo.preview.name}"} <= keys
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, photo.image.name))
    assert photo.thumbnail.url == f"/media/{photo.thumbnail.name}"  # the app's URL, not the bucket's

    client.force_login(researcher())
    response = client.get(photo.thumbnail.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    client.logout()
    assert client.get(photo.thumbnail.url).status_code == 302  # to sign in: the bucket is not public
