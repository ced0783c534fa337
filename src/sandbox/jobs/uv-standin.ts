// The `uv` a uv-image job finds on its PATH when this machine has no uv but has python3: a small Python program
// that understands `uv run [options] SCRIPT|-|URL|COMMAND [ARGS]`. It reads the script's PEP 723 dependencies
// (`# /// script` ... `dependencies = [...]`) and any `--with`, checks each is importable by that python3, and then
// runs the script with it, saying so once in the log; if any is missing it fails at once, naming them and how to get
// them. Anything but `uv run` fails with how to install uv. The text is written into the job's own bin folder.

/** The program, for `#!` + the real python3 path. */
export function uvStandIn(python3: string): string {
  return `#!${python3}
# hf-jobs-wizard sandbox: stands in for uv (not installed on this machine); runs \`uv run\` with python3.
import importlib.metadata, importlib.util, os, re, sys, tempfile

INSTALL = "https://docs.astral.sh/uv/getting-started/installation/"
IMPORT_NAMES = {"pyyaml": "yaml", "pillow": "PIL", "scikit-learn": "sklearn", "beautifulsoup4": "bs4",
                "opencv-python": "cv2", "python-dateutil": "dateutil", "protobuf": "google.protobuf"}
VALUE_FLAGS = {"--with", "-w", "--python", "-p", "--index-url", "--extra-index-url", "--index", "--default-index",
               "--with-requirements", "--with-editable", "--project", "--directory", "--env-file", "--group",
               "--extra", "--cache-dir", "--config-file"}


def say(message):
    print("[sandbox] " + message, flush=True)


def importable(requirement):
    match = re.match(r"\\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    if not match:
        return True
    name = match.group(1)
    try:
        importlib.metadata.distribution(name)
        return True
    except Exception:
        pass
    module = IMPORT_NAMES.get(name.lower(), re.sub(r"[-.]", "_", name))
    try:
        return importlib.util.find_spec(module) is not None
    except Exception:
        return False


def pep723_dependencies(text):
    block = re.search(r"(?m)^# /// script\\s*$\\n((?:^#(?: .*)?$\\n)+?)^# ///\\s*$", text)
    if not block:
        return []
    body = "\\n".join(line[2:] if line.startswith("# ") else line[1:] for line in block.group(1).splitlines())
    try:
        import tomllib
        return list(tomllib.loads(body).get("dependencies", []))
    except Exception:
        found = re.search(r"dependencies\\s*=\\s*\\[(.*?)\\]", body, re.S)
        return re.findall(r"[\\"']([^\\"']+)[\\"']", found.group(1)) if found else []


def main():
    args = sys.argv[1:]
    if not args or args[0] != "run":
        say("uv is not installed on this machine: the sandbox's stand-in only runs \`uv run\`, not \`uv %s\`. Install uv (%s)." % (" ".join(args[:1]), INSTALL))
        return 127
    args = args[1:]
    withs = []
    while args and args[0].startswith("-") and args[0] != "-":
        flag = args.pop(0)
        if flag == "--":
            break
        name, _, value = flag.partition("=")
        if name in VALUE_FLAGS and not _:
            value = args.pop(0) if args else ""
        if name in ("--with", "-w"):
            withs += [v for v in value.split(",") if v.strip()]
    if not args:
        say("\`uv run\` needs a script, '-' or a command.")
        return 2
    target, rest = args[0], args[1:]
    script = None
    if target == "-":
        text = sys.stdin.read()
        fd, script = tempfile.mkstemp(suffix=".py", dir=os.environ.get("HOME") or None)
        with os.fdopen(fd, "w") as f:
            f.write(text)
    elif re.match(r"https?://", target):
        import urllib.request
        with urllib.request.urlopen(target, timeout=30) as response:
            text = response.read().decode("utf-8")
        fd, script = tempfile.mkstemp(suffix=".py", dir=os.environ.get("HOME") or None)
        with os.fdopen(fd, "w") as f:
            f.write(text)
    elif target.endswith(".py") or os.path.isfile(target):
        with open(target, encoding="utf-8") as f:
            text = f.read()
        script = target
    else:
        text = ""
    needed = pep723_dependencies(text) + withs
    missing = [r for r in needed if not importable(r)]
    if missing:
        say("uv is not installed on this machine, and python3 (%s) cannot import %s, which this %s needs. Install uv (%s), or install them for that python3 (python3 -m pip install %s)."
            % (sys.executable, ", ".join(missing), "script" if script else "command", INSTALL, " ".join("'%s'" % m for m in missing)))
        return 1
    say("uv is not installed on this machine: \`uv run\` runs with python3 (%s)%s." % (sys.executable, ", where %s %s importable" % (", ".join(needed), "is" if len(needed) == 1 else "are") if needed else ""))
    if script:
        os.execv(sys.executable, [sys.executable, script, *rest])
    if re.fullmatch(r"python(3(\\.\\d+)?)?", os.path.basename(target)):
        os.execv(sys.executable, [sys.executable, *rest])
    os.execvp(target, [target, *rest])


sys.exit(main())
`;
}
