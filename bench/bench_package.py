"""Print package benchmark (issue 14): a lightbox's package streams in flat memory, first byte at once.

    .venv/bin/python bench/bench_package.py [--sizes 50,100,200] [--megapixels 12] [--width-cm 20]

Builds a scratch archive (SQLite and media in a temporary folder, so it needs no database
server and touches nothing of yours): one lightbox of the largest size, its photos real-size
camera JPEGs made here (a smooth picture with grain, so the file sizes are a camera's, about
4-6 MB at 12 MP), then for each size downloads `/lightboxes/<id>/package.zip?width_cm=...`
through Django's test client, each in a fresh process, and reports:

- time to the first byte, the whole download, and the MB it holds;
- the process's resident memory before the download and its peak during it (sampled every
  5 ms from /proc/self/statm), for the streamed response as served, and for the same bytes
  kept in memory (what a package built in a BytesIO and then sent would hold) side by side.

Flat memory: the streamed peak stays the same whatever the number of photos; the kept one grows
with the package. The figures go to docs/BENCHMARKS.md with the load average (`uptime`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE


class PeakSampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.running = rss(), True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss())
            time.sleep(0.005)

    def stop(self) -> int:
        self.running = False
        self.join()
        return max(self.peak, rss())


def setup_django(folder: str) -> None:
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
        MEDIA_ROOT=os.path.join(folder, "media"),
        DEBUG="1",
        ALLOWED_HOSTS="127.0.0.1,testserver",
        DJANGO_SETTINGS_MODULE="archive.settings",
    )
    import django

    django.setup()


def build(folder: str, count: int, megapixels: float) -> dict:
    """The scratch archive: `count` photos with camera-size files, all in one lightbox."""
    setup_django(folder)
    import io
    import math

    from django.contrib.auth.models import Group, Permission, User
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from bench.bench_images import make_picture
    from captions.models import Photo
    from captions.roles import PRODUCTION, sync_role_groups
    from captions.services import lightboxes

    call_command("migrate", verbosity=0)
    sync_role_groups(Group, Permission)
    shop = User.objects.create_user("shop", password="x")
    shop.groups.add(Group.objects.get(name=PRODUCTION))
    width = int(math.sqrt(megapixels * 1_000_000 * 3 / 2))
    height = width * 2 // 3
    ids, sizes, pictures, previews = [], [], {}, {}
    for index in range(count):
        seed = index % 8  # eight distinct pictures: making 200 takes minutes, storing them does not
        if seed not in pictures:
            out = io.BytesIO()
            make_picture(width, height, seed=seed, grain=0.3).save(out, "JPEG", quality=92, dpi=(300, 300))
            pictures[seed] = out.getvalue()
            out = io.BytesIO()
            make_picture(1200, 800, seed=seed).save(out, "JPEG", quality=85)
            previews[seed] = out.getvalue()
        data = pictures[seed]
        digest = f"{index:064x}"
        photo = Photo(
            caption=f"Bench photo {index}: delegations arrive at the Kremlin for talks",
            credit="Bench / Archive",
            creator="Bench",
            keywords="Kremlin, talks",
            width_px=width,
            height_px=height,
            dpi=300,
            content_hash=digest,
            caveat_editorial_only=index % 3 == 0,
        )
        photo.image.save(f"{digest}.jpg", ContentFile(data), save=False)
        photo.preview.save(f"{digest}-preview.jpg", ContentFile(previews[seed]), save=False)
        photo.save()
        ids.append(photo.pk)
        sizes.append(len(data))
    owner = User.objects.create_user("owner", password="x")
    for size in sorted({int(s) for s in os.environ["BENCH_SIZES"].split(",")}):
        box = lightboxes.create_lightbox(owner=owner, name=f"bench {size}")
        lightboxes.add_photos(lightbox=box, photo_ids=ids[:size])
        lightboxes.share(lightbox=box, user=shop)
    return {"photos": count, "width": width, "height": height, "mean_file_mb": sum(sizes) / len(sizes) / 1e6}


def measure(folder: str, size: int, width_cm: float, keep: bool) -> dict:
    setup_django(folder)
    from django.contrib.auth.models import User
    from django.test import Client

    from captions.models import Lightbox

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="shop"))
    lightbox = Lightbox.objects.get(name=f"bench {size}")
    client.get("/healthz")  # imports and first queries before the baseline
    before = rss()
    sampler = PeakSampler()
    sampler.start()
    started = time.perf_counter()
    response = client.get(f"/lightboxes/{lightbox.pk}/package.zip", {"width_cm": width_cm, "at_dpi": 300})
    kept, total, first = [], 0, None
    for chunk in response.streaming_content:
        if first is None:
            first = time.perf_counter() - started
        total += len(chunk)
        if keep:
            kept.append(chunk)
    elapsed = time.perf_counter() - started
    peak = sampler.stop()
    return {
        "size": size,
        "mode": "kept in memory" if keep else "streamed",
        "first_byte_ms": round(first * 1000, 1),
        "seconds": round(elapsed, 1),
        "mb": round(total / 1e6, 1),
        "rss_before_mb": round(before / 1e6, 1),
        "rss_peak_mb": round(peak / 1e6, 1),
        "growth_mb": round((peak - before) / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,100,200")
    parser.add_argument("--megapixels", type=float, default=12.0)
    parser.add_argument("--width-cm", type=float, default=20.0)
    parser.add_argument("--folder", help="keep the scratch archive here (default: a temporary folder)")
    parser.add_argument("--child", nargs=3, metavar=("SIZE", "WIDTH", "KEEP"), help=argparse.SUPPRESS)
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["BENCH_SIZES"] = args.sizes
    if args.build:
        print(json.dumps(build(args.folder, args.build, args.megapixels)))
        return
    if args.child:
        size, width, keep = int(args.child[0]), float(args.child[1]), args.child[2] == "1"
        print(json.dumps(measure(args.folder, size, width, keep)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench_package_") as scratch:
        folder = args.folder or scratch
        os.makedirs(folder, exist_ok=True)
        me = [sys.executable, os.path.abspath(__file__), "--folder", folder, "--sizes", args.sizes]
        built = json.loads(
            subprocess.run(
                [*me, "--build", str(max(sizes)), "--megapixels", str(args.megapixels)],
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            ).stdout
        )
        print(
            f"archive: {built['photos']} photos of {built['width']} x {built['height']} px, "
            f"{built['mean_file_mb']:.1f} MB per file on average; renditions {args.width_cm:g} cm at 300 dpi"
        )
        print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
        header = f"{'photos':>6}  {'mode':<15} {'first byte':>10} {'total':>7} {'size':>8} {'RSS before':>10} {'RSS peak':>9} {'growth':>7}"
        print(header)
        for size in sizes:
            for keep in ("0", "1"):  # side by side, interleaved
                out = subprocess.run(
                    [*me, "--child", str(size), str(args.width_cm), keep],
                    check=True,
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                ).stdout
                row = json.loads(out.strip().splitlines()[-1])
                print(
                    f"{row['size']:>6}  {row['mode']:<15} {row['first_byte_ms']:>8} ms {row['seconds']:>5} s "
                    f"{row['mb']:>5} MB {row['rss_before_mb']:>7} MB {row['rss_peak_mb']:>6} MB {row['growth_mb']:>4} MB",
                    flush=True,
                )
        print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
