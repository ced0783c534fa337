# Test-harness shims for `npm run fidelity:python` only (on PYTHONPATH of the driver and of its `hf` subprocesses):
# Debian 12 packages older releases of two of huggingface_hub's dependencies than it expects. These adapt the old
# APIs to the calls the client makes, so what is measured is the sandbox, not the machine's package versions.
# - filelock 3.9 has no `mode=` argument (huggingface_hub's WeakFileLock passes mode=0o664): it is dropped.
# - click 8.1's make_metavar()/get_metavar() take no `ctx` (click 8.2 added it; the hf CLI passes and expects it):
#   accepted and ignored one way, passed the other way.
import inspect

try:
    import filelock

    _init = filelock.BaseFileLock.__init__
    if "mode" not in inspect.signature(_init).parameters:

        def _init_without_mode(self, lock_file, *args, mode=None, **kwargs):
            _init(self, lock_file, *args, **kwargs)

        filelock.BaseFileLock.__init__ = _init_without_mode
except ImportError:
    pass

try:
    import click

    classes = [click.Parameter, click.Option, click.Argument]
    try:
        import typer.core

        classes += [typer.core.TyperArgument, typer.core.TyperOption]
    except ImportError:
        pass
    for cls in classes:
        original = cls.__dict__.get("make_metavar")
        if original is None or "ctx" in inspect.signature(original).parameters:
            continue

        def _make_metavar(self, ctx=None, _original=original):
            return _original(self)

        cls.make_metavar = _make_metavar

    def _metavar(param, ctx):
        try:
            return param.make_metavar(ctx)
        except TypeError:
            return param.make_metavar()

    # click 8.1 calls make_metavar() without ctx; huggingface_hub's HfArgument requires it.
    click.Argument.get_usage_pieces = lambda self, ctx: [_metavar(self, ctx)]
    click.Argument.get_error_hint = lambda self, ctx: f"'{_metavar(self, ctx)}'"
    import click.types

    for name in dir(click.types):
        cls = getattr(click.types, name)
        original = isinstance(cls, type) and issubclass(cls, click.types.ParamType) and cls.__dict__.get("get_metavar")
        if not original or "ctx" in inspect.signature(original).parameters:
            continue

        def _get_metavar(self, param, ctx=None, _original=original):
            return _original(self, param)

        cls.get_metavar = _get_metavar
except ImportError:
    pass
