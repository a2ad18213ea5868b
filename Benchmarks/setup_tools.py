"""What a benchmark run needs before it times anything: system tools, the Python peers' venv, a release
build of parcheck and the generated data (imported by run.py)."""
import hashlib
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PY_PACKAGES = ["duckdb", "polars", "pandas", "pyarrow"]
APT = {"/usr/bin/time": "time", "lua5.4": "lua5.4", "luajit": "luajit"}


def sh(argv, **kw):
    print("+ " + " ".join(argv), file=sys.stderr, flush=True)
    return subprocess.run(argv, check=True, **kw)


def ensure_apt():
    """/usr/bin/time (peak RSS), lua5.4 and luajit from Debian, installed when missing."""
    missing = [pkg for tool, pkg in APT.items() if not shutil.which(tool)]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        sh(sudo + ["apt-get", "install", "-y"] + missing, env=env)
    except subprocess.CalledProcessError:
        sh(sudo + ["apt-get", "update"], env=env)
        sh(sudo + ["apt-get", "install", "-y"] + missing, env=env)


def ensure_venv(venv):
    """A venv with the Python peers' libraries; created and filled by pip when a module is missing."""
    py = os.path.join(venv, "bin", "python")
    probe = "import duckdb, polars, pandas, pyarrow"
    if os.path.exists(py) and subprocess.run([py, "-c", probe], capture_output=True).returncode == 0:
        return py
    if not os.path.exists(py):
        try:
            sh([sys.executable, "-m", "venv", venv])
        except subprocess.CalledProcessError:       # Debian's python3 needs python3-venv for ensurepip
            sudo = [] if os.geteuid() == 0 else ["sudo"]
            sh(sudo + ["apt-get", "install", "-y", "python3-venv"], env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
            shutil.rmtree(venv, ignore_errors=True)
            sh([sys.executable, "-m", "venv", venv])
    sh([py, "-m", "pip", "install", "--quiet"] + PY_PACKAGES)
    return py


def build_parcheck(package, scratch):
    """`swift build -c release` of the parcheck product; returns the binary's path."""
    base = ["swift", "build", "-c", "release", "--product", "parcheck", "--package-path", package,
            "--scratch-path", scratch]
    sh(base)
    out = subprocess.run(base + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout
    return os.path.join(out.strip().splitlines()[-1], "parcheck")


def generator_stamp(n):
    """Identifies the data a generator version writes for `n` dossiers; stale data is regenerated."""
    h = hashlib.sha256(str(n).encode())
    for name in ("generate.py", "units.py", "figures.py"):
        with open(os.path.join(HERE, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def ensure_data(root, n):
    """DIR with units.yaml, dossiers.csv and parcheck.yaml for `n` dossiers, generated when missing or stale."""
    label = f"d{n // 1_000_000}m" if n % 1_000_000 == 0 else f"d{n // 1000}k" if n % 1000 == 0 else f"d{n}"
    out = os.path.join(root, label)
    stamp_file = out + ".stamp"
    stamp = generator_stamp(n)
    fresh = os.path.exists(os.path.join(out, "dossiers.csv")) and os.path.exists(stamp_file) \
        and open(stamp_file).read().strip() == stamp
    if not fresh:
        sh([sys.executable, os.path.join(HERE, "generate.py"), "--dossiers", str(n), "--out", out])
        with open(stamp_file, "w") as f:
            f.write(stamp + "\n")
    return out


def warm(path):
    """Reads a file once so every tool starts with it in the page cache ("files cached", as the issue measured)."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def plans_under(rules):
    """Every plan (not layer) under Rules/: directories holding a plan.yaml, sorted."""
    found = []
    for d, _, files in os.walk(rules):
        if "plan.yaml" in files:
            found.append(d)
    return sorted(found)


def versions(venv_python, parcheck):
    """Tool versions for the results' machine section."""
    def out(argv):
        try:
            r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
            return (r.stdout or r.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "?"
    libs = out([venv_python, "-c", "import duckdb, polars, pandas, pyarrow; print(f'duckdb {duckdb.__version__}, "
                "polars {polars.__version__}, pandas {pandas.__version__}, pyarrow {pyarrow.__version__}')"])
    return {"swift": out(["swift", "--version"]), "python": libs, "lua": out(["lua5.4", "-v"]),
            "luajit": out(["luajit", "-v"]), "parcheck": parcheck}


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    osname = "?"
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release") as f:
            osname = next((l.split("=", 1)[1].strip().strip('"') for l in f if l.startswith("PRETTY_NAME=")), "?")
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kb / 1024 / 1024, 1), "os": osname,
            "load": os.getloadavg()[0]}
