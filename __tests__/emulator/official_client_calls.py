#!/usr/bin/env python3
"""Replays, against a Neomaril server, the HTTP requests the official client makes.

The product owner checks the emulator with the official Python client neomaril-codex
2.1.1 (NeomarilPreprocessingClient / NeomarilPreprocessing / NeomarilExecution). That
package cannot be installed here, so this script sends the same requests, in the same
order, with the same methods, URLs, headers and body encodings, accepts exactly the
status codes the client accepts, and reads exactly the JSON keys it reads. It is our own
code, written from a reading of the client; it uses only the standard library and
`requests` (the client's own HTTP library, so the bytes on the wire match).

Usage:
    python3 official_client_calls.py <server root, e.g. http://127.0.0.1:8800>
        [--user U] [--password P] [--group datarisk] [--group-token T]
        [--sleep-scale 1.0] [--out-dir DIR] [--sync-model M...] [--async-model M...]

--sleep-scale multiplies the client's fixed sleeps (1 s after hosting, 10 s between
build polls, 30 s between execution polls); 1.0 is the client's own pacing.
--sync-model / --async-model: seeded models the Sync / the Async sample feeds:
model.predict(data, preprocessing=...) is replayed with them (official_client_models.py).
The last line printed on stdout is a JSON summary. Any answer the client would treat
as an error raises ClientError and the script exits 1.

What the 2.1.1 client does on the wire, one line per request (P1..E2 are the ids of
docs/platform-contract.md, "The v1 calls"):
  GET  /api/health                       no auth             200 (401 / >=500 raise)   on every client,
                                                             preprocessing and execution object created
  POST /api/login                        form-urlencoded user, password; 200 -> Token (else raise);
                                         cached 600 s per (user, password, url): no retry on 401
  GET  /api/groups                       user token          200 -> Results[].Name
  POST /api/preprocessing/register/{g}   user token; multipart: fields name, script_reference,
                                         operation, python_version, then file parts source
                                         (script.py), requirements (requirements.txt), schema
                                         (base name), env (.env, a text-mode file), extra (base
                                         names); no per-part Content-Type   201 -> Hash, Message
  GET  /api/preprocessing/{sync|async}/host/{g}/{hash}   user token   exactly 202
  GET  /api/preprocessing/status/{g}/{hash}   user token   200 or 410 -> Status (Message if Failed);
                                         polled while Building, 10 s apart
  GET  /api/preprocessing/describe/{g}/{hash}   user token   status unchecked -> Description.Operation
  GET  /api/preprocessing/status/{g}/{hash}   user token   exactly 200 -> Status (object init)
  POST /api/preprocessing/sync/run/{g}/{hash}   group token; raw body json.dumps({"Input": data}),
                                         NO Content-Type; status unchecked -> the JSON answer
  POST /api/preprocessing/async/run/{g}/{hash}  group token; multipart, one file part 'dataset'
                                         (file base name)    200 or 202 -> Message, ExecutionId
  GET  /api/preprocessing/async/status/{g}/{id}   group token   200 or 410 -> Status (Message if
                                         Failed); waited on while Running, 30 s apart
  GET  /api/preprocessing/async/result/{g}/{id}   group token   200 or 410 -> bytes saved as
                                         <path>/output.zip
  GET  /api/preprocessing/logs/{g}/{hash}  and  GET /api/preprocessing/logs/{hash}   user token;
                                         query start, end (dd-mm-YYYY, local days, default the
                                         last 6), routine, type   200 -> the whole JSON
  GET  /api/preprocessing/search          user token; query name, state, group (only those set)
                                         200 -> Results
"""
import argparse
import datetime
import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile

import requests

import official_client_models as models  # noqa: E402 (beside this file)

sys.dont_write_bytecode = True  # the sample scripts are imported: leave no __pycache__ in samples/

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(REPO, "samples")
# A wide schema (35 features) and a requirements file without a trailing newline, like the
# client's own samples (our data, written for these tests).
WIDE = os.path.join(HERE, "data", "wide-sync")

TOKEN_TTL_SECONDS = 600  # the client's token cache (cachetools ttl_cache default)


class ClientError(Exception):
    """An answer the official client would turn into an exception."""


class Replay:
    """The client's requests, one method per client function that sends them."""

    def __init__(self, root, user, password, group_token, sleep_scale):
        root = root[:-1] if root.endswith("/") else root
        self.api = root if root.endswith("/api") else root + "/api"
        self.user = user
        self.password = password
        self.group_token = group_token
        self.sleep_scale = sleep_scale
        self.cached_token = None  # (token, expires at)
        self.sent = []  # [method, path, status] of every request, in order

    # --- plumbing ----------------------------------------------------------------------

    def _send(self, method, path, accept, **kwargs):
        """One request through requests' module functions (the client keeps no Session).

        accept: the status codes the client takes as success, or None when it checks none.
        """
        response = requests.request(method, self.api + path, **kwargs)
        self.sent.append([method, "/api" + path, response.status_code])
        if accept is not None and response.status_code not in accept:
            raise ClientError(f"{method} {path}: HTTP {response.status_code}: {response.text[:500]}")
        return response

    def _nap(self, seconds):
        time.sleep(seconds * self.sleep_scale)

    def _user_auth(self):
        return {"Authorization": "Bearer " + self.user_token()}

    def _group_auth(self):
        return {"Authorization": "Bearer " + self.group_token}

    # --- __utils: refresh_token and try_login (BaseNeomaril.__init__) --------------------

    def user_token(self):
        """refresh_token(): POST /login as a form; the answer is cached for 10 minutes."""
        now = time.monotonic()
        if self.cached_token and self.cached_token[1] > now:
            return self.cached_token[0]
        response = self._send("POST", "/login", (200,), data={"user": self.user, "password": self.password})
        token = response.json()["Token"]
        self.cached_token = (token, now + TOKEN_TTL_SECONDS)
        return token

    def connect(self):
        """BaseNeomaril.__init__ -> try_login(): health, then the (cached) login.

        Runs for the client and again for every NeomarilPreprocessing and
        NeomarilExecution object the client builds.
        """
        response = self._send("GET", "/health", None)
        if response.status_code == 200:
            self.user_token()
        elif response.status_code == 401:
            raise ClientError("health: HTTP 401 (the client: 'Invalid credentials.')")
        elif response.status_code >= 500:
            raise ClientError(f"health: HTTP {response.status_code} (the client: server unavailable)")
        # Any other status: the client goes on without a word.

    # --- BaseNeomarilClient.list_groups ----------------------------------------------------

    def list_groups(self):
        response = self._send("GET", "/groups", (200,), headers=self._user_auth())
        return response.json()["Results"]

    # --- NeomarilPreprocessingClient.create and the private steps it calls ---------------

    def create(self, *, name, reference, source, requirements, schema, group, extra_files=(), env=None,
               python_version="3.8", operation="Sync", wait_for_ready=True):
        if python_version not in ("3.8", "3.9", "3.10"):
            raise ClientError("invalid python version")
        # The client's group normalisation, then a check that the group is listed.
        group = group.lower().strip()
        for char in " .-":
            group = group.replace(char, "_")
        if group not in [g.get("Name") for g in self.list_groups()]:
            raise ClientError(f"group '{group}' is not listed: the client asks to create it first")
        script_hash = self._upload(name=name, reference=reference, source=source, requirements=requirements,
                                   schema=schema, group=group, extra_files=extra_files, env=env,
                                   python_version=python_version, operation=operation)
        self._host(operation.lower(), script_hash, group)
        self._nap(1)
        return self.get_preprocessing(script_hash, group, wait_for_ready=wait_for_ready)

    def _upload(self, *, name, reference, source, requirements, schema, group, extra_files, env,
                python_version, operation):
        """__upload_preprocessing: P1, fields first, then file parts without Content-Type."""
        opened = []

        def part(path, mode="rb"):
            handle = open(path, mode)
            opened.append(handle)
            return handle

        source_name = {"py": "script.py", "ipynb": "notebook.ipynb"}[source.rsplit(".", 1)[-1]]
        files = [
            ("source", (source_name, part(source))),
            ("requirements", ("requirements.txt", part(requirements))),
            ("schema", (os.path.basename(schema), part(schema))),
        ]
        if env:
            files.append(("env", (".env", part(env, "r"))))  # text mode, as the client opens it
        files += [("extra", (os.path.basename(path), part(path))) for path in extra_files]
        form = {
            "name": name,
            "script_reference": reference,
            "operation": operation,
            "python_version": "Python" + python_version.replace(".", ""),
        }
        try:
            response = self._send("POST", f"/preprocessing/register/{group}", (201,), data=form, files=files,
                                  headers=self._user_auth())
        finally:
            for handle in opened:
                handle.close()
        body = response.json()
        body["Message"]  # the client logs it: a missing key would raise there too
        return body["Hash"]

    def _host(self, operation, script_hash, group):
        """__host_preprocessing: P2 is a GET and must answer exactly 202."""
        self._send("GET", f"/preprocessing/{operation}/host/{group}/{script_hash}", (202,), headers=self._user_auth())

    # --- NeomarilPreprocessingClient.get_preprocessing -------------------------------------

    def _client_status(self, script_hash, group):
        """__get_preprocessing_status: 200 or 410, 60 s timeout."""
        response = self._send("GET", f"/preprocessing/status/{group}/{script_hash}", (200, 410),
                              headers=self._user_auth(), timeout=60)
        return response.json()

    def get_preprocessing(self, script_hash, group="datarisk", wait_for_ready=True):
        answer = self._client_status(script_hash, group)
        status = answer["Status"]
        if status == "Building":
            if not wait_for_ready:
                # The client builds an object (and throws it away), then falls through.
                self.preprocessing(script_hash, group)
            while wait_for_ready and status == "Building":
                answer = self._client_status(script_hash, group)
                status = answer["Status"]
                self._nap(10)  # the client sleeps after each poll, the last one too
        check_settled(script_hash, answer)
        return self.preprocessing(script_hash, group)

    # --- NeomarilPreprocessing.__init__ ----------------------------------------------------

    def preprocessing(self, script_hash, group):
        """The object the client hands back: describe (unchecked status), then status (== 200)."""
        self.connect()
        described = self._send("GET", f"/preprocessing/describe/{group}/{script_hash}", None, headers=self._user_auth())
        operation = described.json()["Description"]["Operation"].lower()
        status = self._send("GET", f"/preprocessing/status/{group}/{script_hash}", (200,),
                            headers=self._user_auth()).json()["Status"]
        return {"hash": script_hash, "group": group, "operation": operation, "status": status,
                "ready": status == "Deployed"}

    # --- NeomarilPreprocessing.get_logs / NeomarilPreprocessingClient.get_logs / _logs ---

    def preprocessing_logs(self, obj, **filters):
        return self._logs(f"/preprocessing/logs/{obj['group']}/{obj['hash']}", **filters)

    def client_logs(self, script_hash, **filters):
        return self._logs(f"/preprocessing/logs/{script_hash}", **filters)

    def _logs(self, path, start=None, end=None, routine=None, type=None):
        fmt = "%d-%m-%Y"
        week = datetime.timedelta(days=6)
        today = datetime.datetime.today()  # local time, as the client does
        if not start and not end:
            start, end = (today - week).strftime(fmt), today.strftime(fmt)
        elif not start:
            start = (datetime.datetime.strptime(end, fmt) - week).strftime(fmt)
        elif not end:
            end = (datetime.datetime.strptime(start, fmt) + week).strftime(fmt)
        query = {"start": start, "end": end}
        if routine:
            query["routine"] = routine
        if type:
            query["type"] = type
        return self._send("GET", path, (200,), params=query, headers=self._user_auth()).json()

    # --- NeomarilPreprocessing.run -------------------------------------------------------

    def run(self, obj, data, wait_complete=False):
        if not obj["ready"]:
            raise ClientError("the client's run() needs a Deployed preprocessing")
        path = f"/preprocessing/{obj['operation']}/run/{obj['group']}/{obj['hash']}"
        if obj["operation"] == "sync":
            # A str body: requests sends it as is, with no Content-Type; no status check.
            response = self._send("POST", path, None, data=json.dumps({"Input": data}), headers=self._group_auth())
            return {"http_status": response.status_code, "result": response.json()}
        with open(data, "rb") as dataset:
            response = self._send("POST", path, (200, 202), files={"dataset": dataset}, headers=self._group_auth())
        started = response.json()
        started["Message"]  # logged by the client
        execution = self.execution(obj, started["ExecutionId"])
        answer = self.execution_status(execution)
        while wait_complete and answer["Status"] in ("Running", "Requested"):
            self._nap(30)
            answer = self.execution_status(execution)
        if answer["Status"] == "Failed":
            raise ClientError(f"execution failed: {answer['Message']}")
        return execution

    # --- NeomarilExecution (exec_type AsyncPreprocessing) --------------------------------

    def execution(self, obj, exec_id):
        """NeomarilExecution.__init__: no describe call for preprocessing; starts as Running."""
        self.connect()
        return {"group": obj["group"], "id": exec_id, "status": "Running"}

    def execution_status(self, execution):
        """get_status: 200 or 410."""
        response = self._send("GET", f"/preprocessing/async/status/{execution['group']}/{execution['id']}",
                              (200, 410), headers=self._group_auth())
        answer = response.json()
        execution["status"] = answer["Status"]
        return answer

    def wait_ready(self, execution):
        """wait_ready: stops on anything but Running (Requested stops it too)."""
        if execution["status"] in ("Requested", "Running"):
            self.execution_status(execution)
            while execution["status"] == "Running":
                self._nap(30)
                self.execution_status(execution)

    def download_result(self, execution, path="./", filename="output.zip"):
        if execution["status"] in ("Running", "Requested"):
            self.execution_status(execution)
        if execution["status"] == "Failed":
            raise ClientError("execution failed")
        if execution["status"] != "Succeeded":
            return None  # the client only logs "Execution not ready"
        response = self._send("GET", f"/preprocessing/async/result/{execution['group']}/{execution['id']}",
                              (200, 410), headers=self._group_auth())
        target = path + filename if path.endswith("/") else path + "/" + filename
        with open(target, "wb") as out:
            out.write(response.content)
        return target

    # --- NeomarilPreprocessingClient.get_execution ---------------------------------------

    def get_execution(self, script_hash, exec_id, group):
        return self.execution(self.get_preprocessing(script_hash, group), exec_id)

    # --- NeomarilPreprocessingClient.search_preprocessing --------------------------------

    def search_preprocessing(self, name=None, state=None, group=None, only_deployed=False):
        # Only the filters given travel; only_deployed overrides state.
        query = {key: value for key, value in (("name", name), ("state", state), ("group", group)) if value}
        query.update({"state": "Deployed"} if only_deployed else {})
        return self._send("GET", "/preprocessing/search", (200,), params=query, headers=self._user_auth()).json()["Results"]


def check_settled(script_hash, answer):
    """get_preprocessing's verdict once the status is no longer Building (2.1.1 and 4.x alike)."""
    status = answer["Status"]
    if status in ("Disabled", "Ready"):
        raise ClientError(f"PreprocessingError: {script_hash} unavailable ({status})")
    if status == "Failed":
        raise ClientError(f"PreprocessingError: {script_hash} deploy failed: {answer['Message']}")
    if status != "Deployed":
        raise ClientError(f"ServerError: unknown preprocessing status {status}")


# --- what the entrypoints return when called directly (the expected answers) -------------

def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected_sync(data):
    score = load(os.path.join(SAMPLES, "sync", "score.py"), "replay_score")
    return score.process(json.dumps(data), os.path.join(SAMPLES, "sync"))


def expected_async(dataset, scratch):
    features = load(os.path.join(SAMPLES, "async", "features.py"), "replay_features")
    data_path = os.path.join(scratch, "expected")
    os.makedirs(data_path)
    shutil.copy(dataset, data_path)
    previous = os.environ.get("inputFileName")
    os.environ["inputFileName"] = os.path.basename(dataset)
    try:
        output = features.build_features(data_path)
    finally:
        if previous is None:
            del os.environ["inputFileName"]
        else:
            os.environ["inputFileName"] = previous
    with open(output, "rb") as handle:
        return os.path.basename(output), handle.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--user", default=os.getenv("NEOMARIL_USER", "neomaril@example.com"))
    parser.add_argument("--password", default=os.getenv("NEOMARIL_PASSWORD", "neomaril-password"))
    parser.add_argument("--group", default="datarisk")
    parser.add_argument("--group-token", default=os.getenv("NEOMARIL_GROUP_TOKEN", "0123456789abcdef0123456789abcdef"))
    parser.add_argument("--sleep-scale", type=float, default=1.0)
    parser.add_argument("--out-dir", default=None, help="where output.zip lands (default: a temp dir)")
    parser.add_argument("--sync-model", default=None)
    parser.add_argument("--async-model", default=None)
    args = parser.parse_args()

    began = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="official-client-replay-")
    out_dir = args.out_dir or scratch
    client = Replay(args.url, args.user, args.password, args.group_token, args.sleep_scale)

    # NeomarilPreprocessingClient(login=..., password=..., url=...)
    client.connect()

    # client.list_groups()
    groups = [g.get("Name") for g in client.list_groups()]

    # client.create(..., operation="Sync", wait_for_ready=True): the project's sync sample,
    # with limits.json as an extra file.
    sync_dir = os.path.join(SAMPLES, "sync")
    sync = client.create(name="replay sync score", reference="process",
                         source=os.path.join(sync_dir, "score.py"),
                         requirements=os.path.join(sync_dir, "requirements.txt"),
                         schema=os.path.join(sync_dir, "schema.json"),
                         extra_files=[os.path.join(sync_dir, "limits.json")],
                         python_version="3.10", operation="Sync", group=args.group)

    # client.create(..., operation="Async", env=...): the project's async sample; the env
    # file is written to a temp dir and sent the way the client sends it (text mode).
    env_file = os.path.join(scratch, "replay.env")
    with open(env_file, "w", encoding="utf-8") as handle:
        handle.write("REPLAY_SECRET=not-a-real-secret\n")
    async_dir = os.path.join(SAMPLES, "async")
    asynchronous = client.create(name="replay async features", reference="build_features",
                                 source=os.path.join(async_dir, "features.py"),
                                 requirements=os.path.join(async_dir, "requirements.txt"),
                                 schema=os.path.join(async_dir, "schema.csv"), env=env_file,
                                 python_version="3.9", operation="Async", group=args.group)

    # client.create(...) with a sample shaped like the client's own: a requirements file
    # without a trailing newline and a 35-feature schema.json.
    official_dir = WIDE
    official = client.create(name="replay official samples", reference="process",
                             source=os.path.join(sync_dir, "score.py"),
                             requirements=os.path.join(official_dir, "requirements.txt"),
                             schema=os.path.join(official_dir, "schema.json"),
                             extra_files=[os.path.join(sync_dir, "limits.json")],
                             python_version="3.8", operation="Sync", group=args.group)

    # sync_preprocessing.run(data=..., group_token=...)
    with open(os.path.join(sync_dir, "schema.json"), encoding="utf-8") as handle:
        sync_input = json.load(handle)
    sync_run = client.run(sync, sync_input)
    # The client's sample flow: run(data=<the schema dict>) on the wide schema.json.
    with open(os.path.join(official_dir, "schema.json"), encoding="utf-8") as handle:
        official_input = json.load(handle)
    official_run = client.run(official, official_input)

    # execution = async_preprocessing.run(data=<csv path>)  (wait_complete=False)
    dataset = os.path.join(async_dir, "schema.csv")
    started = client.run(asynchronous, dataset)
    # execution = client.get_execution(preprocessing_id, exec_id, group=...)
    execution = client.get_execution(asynchronous["hash"], started["id"], args.group)
    # execution.wait_ready(); execution.download_result(path=...)
    client.wait_ready(execution)
    zip_path = client.download_result(execution, path=out_dir)
    if zip_path is None:
        raise ClientError(f"execution {execution['id']} ended {execution['status']}: nothing downloaded")
    with zipfile.ZipFile(zip_path) as archive:
        entries = archive.namelist()
        contents = {entry: archive.read(entry) for entry in entries}
    expected_name, expected_bytes = expected_async(dataset, scratch)

    # sync_preprocessing.get_logs() (group path) and client.get_logs(preprocessing_id=...)
    # (the group-less path), both with the client's default dates.
    sync_logs = client.preprocessing_logs(sync)["Results"]
    async_logs = client.client_logs(asynchronous["hash"])["Results"]
    run_logs = client.preprocessing_logs(sync, routine="Run", type="Ok")["Results"]

    # client.search_preprocessing() and search_preprocessing(group=..., only_deployed=True)
    found = [r["Hash"] for r in client.search_preprocessing()]
    deployed = [r["Hash"] for r in client.search_preprocessing(group=args.group, only_deployed=True)]

    # model = NeomarilModelClient(...).get_model(model_id, group); model.predict(data=..., preprocessing=...)
    models_summary = {}
    if args.sync_model:
        model = models.get_model(client, args.sync_model, args.group)
        models_summary["sync"] = {**model, "run": models.predict_sync(client, model, sync_input, sync)}
    if args.async_model:
        model = models.get_model(client, args.async_model, args.group)
        run = models.predict_async(client, model, dataset, asynchronous)
        models_summary["async"] = {**model, **run,
                                   "zip": models.download_result(client, model, run["execution_id"], out_dir)}

    # client.list_groups() once more, at the end
    final_groups = [g.get("Name") for g in client.list_groups()]

    summary = {
        "api": client.api,
        "groups": final_groups,
        "groups_at_start": groups,
        "scripts": {"sync": sync["hash"], "async": asynchronous["hash"], "official": official["hash"]},
        "status": {"sync": sync["status"], "async": asynchronous["status"], "official": official["status"]},
        "operation": {"sync": sync["operation"], "async": asynchronous["operation"], "official": official["operation"]},
        "sync_run": {"http_status": sync_run["http_status"], "result": sync_run["result"],
                     "expected": expected_sync(sync_input)},
        "official_run": {"http_status": official_run["http_status"], "result": official_run["result"],
                         "expected": expected_sync(official_input)},
        "async_run": {
            "execution_id": started["id"],
            "status_after_run": started["status"],
            "final_status": execution["status"],
            "zip_path": zip_path,
            "zip_sha256": hashlib.sha256(open(zip_path, "rb").read()).hexdigest(),
            "zip_entries": entries,
            "output": {name: data.decode("utf-8") for name, data in contents.items()},
            "expected_entry": expected_name,
            "matches_entrypoint": entries == [expected_name] and contents[expected_name] == expected_bytes,
        },
        "logs": {
            "sync_group_path": len(sync_logs),
            "async_groupless_path": len(async_logs),
            "sync_run_ok": len(run_logs),
            "hashes": sorted({e["Hash"] for e in sync_logs + async_logs}),
            "keys": sorted({key for e in sync_logs + async_logs for key in e}),
        },
        "search": {"all": found, "deployed_in_group": deployed},
        "models": models_summary,
        "logins": sum(1 for method, path, _ in client.sent if path == "/api/login"),
        "health_checks": sum(1 for method, path, _ in client.sent if path == "/api/health"),
        "requests": client.sent,
        "seconds": round(time.monotonic() - began, 2),
    }
    shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(summary))


def run_replay(replay_main, client_name):
    """Runs a replay; an answer the client would raise on ends it with exit 1 and says why."""
    try:
        replay_main()
    except ClientError as error:
        print(f"{client_name} would fail: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    run_replay(main, "official client")
