"""The modes that run the script (build, sync, async-v1, dataframes) and main."""
import json
import os
import sys
import traceback

from .arity import find_entrypoint
from .check import check
from .frames import dataset_form, frame_columns, json_value, read_dataset, written_file
from .loader import ScriptError, load_module, parse_for, read_source

HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))


def user_traceback(exc):
    """The traceback from the user's code down, without the harness's frames."""
    tb = exc.__traceback__
    while tb is not None and os.path.dirname(os.path.abspath(tb.tb_frame.f_code.co_filename)) == HARNESS_DIR:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb)).rstrip()


def import_pandas():
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def execute(request):
    mode, contract, name = request["mode"], request["contract"], request["entrypoint"]
    source = os.path.abspath(request["source"])
    folder = os.path.dirname(source)
    needs_pandas = mode == "dataframes"
    pandas = import_pandas() if needs_pandas or mode == "async-v1" else None
    if needs_pandas and pandas is None:
        return {"ok": False, "skipped": "pandas is not installed for %s" % sys.executable}
    try:
        if request.get("minor") is not None:
            # The server runs the script's python-version: newer syntax fails there.
            code, where = read_source(source)
            parse_for(code, source, int(request["minor"]), where)
        fn, (form, count) = find_entrypoint(load_module(source), name, contract)
    except ScriptError as exc:
        # Problems of the file itself: name it, as the parser's check names it.
        raise ScriptError("%s %s" % (os.path.basename(source), exc))
    if mode == "build":
        return {"ok": True, "form": form}
    if mode == "sync":
        with open(request["input"], encoding="utf-8") as handle:
            data = handle.read()
        return {"ok": True, "value": json_value(fn(data, folder))}
    if mode == "async-v1":
        data_path, file_name = request["data_path"], request["input_file_name"]
        os.environ["inputFileName"] = file_name
        if form == "path":
            return {"ok": True, "output": written_file(fn(*(data_path, folder)[:count]))}
        if pandas is None:
            return {"ok": False, "skipped": "pandas is not installed for %s" % sys.executable}
        data = os.path.join(data_path, file_name)
        frame = fn(read_dataset(pandas, data, dataset_form(data)), data_path, folder)
        return {"ok": True, "frame": frame_columns(frame)}
    frames = {d["name"]: read_dataset(pandas, d["path"], d["form"]) for d in request["datasets"]}
    return {"ok": True, "frame": frame_columns(fn(*(frames, folder)[:count]))}


def failure(exc):
    if isinstance(exc, ScriptError):
        return {"ok": False, "error": str(exc), "script_problem": True}
    return {"ok": False, "error": "%s: %s" % (type(exc).__name__, exc), "traceback": user_traceback(exc)}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    try:
        result = check(request) if request["mode"] == "check" else execute(request)
        # A frame is large: it goes to its own file, beside the verdict.
        frame = result.pop("frame", None)
        if frame is not None:
            with open(request["frame"], "w", encoding="utf-8") as handle:
                json.dump(frame, handle, allow_nan=False)
            result.update(rows=frame["rows"], columns=[c["name"] for c in frame["columns"]])
    except BaseException as exc:  # SystemExit from a script is a failure too
        result = failure(exc)
    with open(request["result"], "w", encoding="utf-8") as handle:
        json.dump(result, handle, allow_nan=False)
