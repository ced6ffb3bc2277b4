"""Image benchmarks (issue 10), the new code side by side with the code before it:

    .venv/bin/python bench/bench_images.py [--old-ref 0f05351~3] [--import-files 40]

1. a 100-megapixel PNG through the upload path (checks, metadata, renditions): time and peak
   memory (goal <= 2 s and <= 300 MB);
2. the rendition set of a 24-megapixel JPEG on one core (goal <= 250 ms);
3. `import_images` of real-size (24 MP) JPEGs on every core, renditions included (goal >= 10 files/s).

Each measurement runs in a fresh process (peak memory is that process's maximum resident size
above what it held after its imports); best of `--repeat` runs. The old code is read from git
(`--old-ref`, the commit before issue 10's work) into a scratch folder. Test images are made
here (Pillow): a smooth picture with noise, so JPEG and PNG sizes are those of real photos.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OLD_REF = "bfd8250"  # main before issue 10


def make_picture(width: int, height: int, seed: int = 0, grain: float = 0.12):
    from PIL import Image, ImageDraw, ImageFilter

    small = Image.new("RGB", (max(1, width // 16), max(1, height // 16)))
    draw = ImageDraw.Draw(small)
    w, h = small.size
    for y in range(h):  # a sky-to-ground gradient
        draw.line([(0, y), (w, y)], fill=(40 + 150 * y // h, 90 + (seed * 37) % 60, 200 - 150 * y // h))
    for i in range(40):
        x, y = (i * 7919 + seed * 104729) % w, (i * 6271 + seed * 1299709) % h
        draw.ellipse([x, y, x + w // 8, y + h // 10], fill=((i * 53) % 255, (i * 97) % 255, (i * 31) % 255))
    picture = small.resize((width, height), Image.Resampling.BILINEAR).filter(ImageFilter.GaussianBlur(2))
    if not grain:
        return picture
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    return Image.blend(picture, noise, grain)


def ensure_files(folder: str, import_files: int) -> dict:
    from PIL import Image

    os.makedirs(folder, exist_ok=True)
    paths = {"png100": os.path.join(folder, "scan-100mp.png"), "jpeg24": os.path.join(folder, "camera-24mp.jpg")}
    if not os.path.exists(paths["png100"]):
        # a smooth scan (no grain: 2 MB; any grain puts 100 MP over the 50 MB upload limit)
        make_picture(12240, 8160, grain=0).save(paths["png100"], "PNG", compress_level=6)
    if not os.path.exists(paths["jpeg24"]):
        make_picture(6000, 4000, grain=0.3).save(paths["jpeg24"], "JPEG", quality=92, dpi=(300, 300))
    many = os.path.join(folder, "import")
    os.makedirs(many, exist_ok=True)
    for index in range(import_files):
        path = os.path.join(many, f"IMG_{index:04d}.jpg")
        if not os.path.exists(path):
            make_picture(6000, 4000, seed=index + 1, grain=0.3).save(path, "JPEG", quality=90)
    paths["import"] = many
    with Image.open(paths["png100"]) as image:
        paths["png100_size"] = image.size
    return paths


def old_code(ref: str, folder: str) -> str:
    """The old captions/images package at `ref`, as `old_images` in `folder`."""
    target = os.path.join(folder, "old_images")
    os.makedirs(target, exist_ok=True)
    for name in ("__init__.py", "metadata.py", "renditions.py", "uploads.py", "conf.py"):
        where = f"captions/{name}" if name == "conf.py" else f"captions/images/{name}"
        source = subprocess.run(
            ["git", "-C", ROOT, "show", f"{ref}:{where}"], capture_output=True, text=True, check=True
        ).stdout
        source = source.replace("from captions.images import", "from old_images import")
        with open(os.path.join(target, name), "w", encoding="utf-8") as handle:
            handle.write(source.replace("from captions import conf", "from old_images import conf"))
    return folder


# --- one measurement, in its own process ----------------------------------------------------


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(which: str, case: str, path: str, old_folder: str) -> dict:
    sys.path.insert(0, ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("SECRET_KEY", "bench")
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    Image.init()
    with open(path, "rb") as handle:
        data = handle.read()
    if which == "old":
        sys.path.insert(0, old_folder)
        from old_images import metadata, renditions, uploads
    else:
        from captions import conf
        from captions.images import renditions, uploads
    base = _peak_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    upload = SimpleUploadedFile(os.path.basename(path), data)
    if which == "old":
        if case == "renditions":
            renditions.renditions(upload)
        else:
            uploads.check_upload(upload)
            metadata.read_metadata(upload)
            renditions.renditions(upload)
    elif case == "renditions":
        renditions.make_renditions(data, conf.rendition_sizes())
    else:
        uploads.prepare_upload(uploads.identify_upload(upload))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"seconds": elapsed, "cpu_seconds": cpu, "peak_mb": _peak_mb() - base}


def measure(which: str, case: str, path: str, old_folder: str, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        proc = subprocess.run(
            [sys.executable, __file__, "--one", which, case, path, old_folder],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "OMP_NUM_THREADS": "1"},
        )
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return {key: min(r[key] for r in runs) for key in ("seconds", "cpu_seconds", "peak_mb")}


def import_rate(folder: str, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{scratch}/bench.sqlite3",
            "MEDIA_ROOT": os.path.join(scratch, "media"),
            "SECRET_KEY": "bench",
            "DEBUG": "1",
        }
        manage = [sys.executable, os.path.join(ROOT, "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        count = len(os.listdir(folder))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run(
            [*manage, "import_images", folder, "--workers", str(workers)], env=env, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its worker processes
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "files": count,
        "seconds": elapsed,
        "per_second": count / elapsed,
        "cpu": cpu,
        "cpu_per_file": cpu / max(count, 1),
        "summary": proc.stdout.splitlines()[:1],
    }


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--old-ref", default=OLD_REF)
    parser.add_argument("--folder", default=os.path.join(tempfile.gettempdir(), "bench_images"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--import-files", type=int, default=40)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--skip-old", action="store_true")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(*args.one)))
        return
    paths = ensure_files(args.folder, args.import_files)
    old = old_code(args.old_ref, os.path.join(args.folder, "old"))
    print(f"load average before: {load()}")
    print("| what | code | wall time | CPU time | peak memory | goal | load average |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    rows = [
        ("100 MP PNG upload (checks, metadata, renditions)", "upload", paths["png100"], "<= 2 s, <= 300 MB"),
        ("24 MP JPEG upload (checks, metadata, renditions)", "upload", paths["jpeg24"], ""),
        ("24 MP JPEG rendition set, one core", "renditions", paths["jpeg24"], "<= 250 ms"),
    ]
    for label, case, path, goal in rows:
        for which in ("old", "new") if not args.skip_old else ("new",):
            result = measure(which, case, path, old, args.repeat)
            print(
                f"| {label} | {which} | {result['seconds'] * 1000:,.0f} ms | {result['cpu_seconds'] * 1000:,.0f} ms "
                f"| {result['peak_mb']:,.0f} MB | {goal} | load {load()} |"
            )
    rate = import_rate(paths["import"], args.workers)
    print(
        f"| import_images, {rate['files']} x 24 MP JPEG, {args.workers} workers | new | {rate['seconds']:.1f} s = "
        f"{rate['per_second']:.1f} files/s | {rate['cpu_per_file'] * 1000:.0f} ms a file (all processes) "
        f"= {args.workers / rate['cpu_per_file']:.1f} files/s on {args.workers} idle cores | | >= 10 files/s "
        f"| load {load()} | {rate['summary']}"
    )


if __name__ == "__main__":
    main()
