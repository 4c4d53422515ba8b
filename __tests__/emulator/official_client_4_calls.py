#!/usr/bin/env python3
"""Replays, against an MLOps server, the HTTP requests of the official client datarisk-mlops-codex 4.0.2.

The issue asks that the current official client (4.0.2, tag v4.0.2, commit e19ab0f) drives
the emulator end to end. CI cannot install it (PyPI is unreachable, and it needs pydantic 2),
so this script sends the same requests in the same order, with the same methods, URLs,
headers and body encodings, accepts exactly the status codes it accepts (make_request: the
one success code, else 401/400/>=500/404 errors) and reads exactly the JSON keys it reads,
including its v2-first probes and their fallbacks to v1 on any error. Our own code, written
from a reading of the client (src/mlops_codex/preprocessing.py, base.py,
http_request_handler.py, validations.py); standard library plus `requests`, the client's
own HTTP library, so the bytes on the wire match.

Usage:
    python3 official_client_4_calls.py <server root, e.g. http://127.0.0.1:8800>
        [--user U] [--password P] [--tenant T] [--group datarisk] [--group-token T]
        [--sleep-scale 1.0] [--out-dir DIR] [--v1-server] [--sync-model M...] [--async-model M...]

--sleep-scale multiplies the client's sleeps (10 s / 30 s between polls).
--v1-server: the server serves no /api/v2 (an older one): Sync create/run/logs and search
must still work through the fallbacks, and an Async create fails as the client fails then
(its v2 register answers 404, which it reports as a GroupError).
--sync-model / --async-model: seeded models the Sync script / the v2 script feed:
model.predict(data, preprocessing=...) is replayed with them (official_client_4_models.py).
The last line on stdout is a JSON summary; an answer the client would raise on exits 1.

What 4.0.2 sends (paths under /api; "user" = a bearer user token from a fresh POST /login
before nearly every call, "group" = the group token):
  every client object: GET pypi.org (not replayed: not the server), GET /health, POST /login
      form user, password, tenant
  create(operation="Sync"): GET /groups (exact name), POST /preprocessing/register/{g}
      (multipart, no Neomaril headers) 201, GET /preprocessing/sync/host/{g}/{h} 202, then
      get_preprocessing: GET /v2/preprocessing/{h}/status (404 for a v1 hash) -> fallback
      GET /preprocessing/status/{g}/{h} 200|410, repeated every 10 s while Building
  create(operation="Async"): GET /groups twice, POST /v2/preprocessing/{g} JSON {Name,
      Operation} 201 PreprocessHash, PATCH /v2/preprocessing/{h}/schema per dataset
      (multipart schema_file + dataset_name) 201 DatasetHash + DatasetName, PATCH
      script-file (script + preprocess_reference + python_version) 201, PATCH
      requirements-file 201, [PATCH env-file 201], [PATCH extra-file (extra_file +
      extra_file_name) 201 Message], PATCH /v2/preprocessing/{h}/status 202, then
      GET /v2/preprocessing/{h}/status every 30 s while Building or Ready
  MLOpsPreprocessing(...): health+login twice, GET /v2/preprocessing/{h} 200 State, or on
      any error GET /preprocessing/describe/{g}/{h} (unchecked) Description.Operation, then
      the status probe again
  run(): POST /v2/preprocessing/{h}/execution 201 "... 'N' created"; on any error the v1
      POST /preprocessing/sync/run/{g}/{h} with the group token, raw JSON, unchecked status.
      For v2: PATCH .../execution/{id}/input per (name, path) (multipart input + dataset_name)
      201 DatasetHash, PATCH .../run 201, GET .../status every 10 s while Running
  PreprocessExecution: health+login, wait_ready (GET .../status every 30 s while Running or
      Requested), download (GET .../status, then GET .../result 200 -> preprocessed_data.parquet),
      execution_info (GET .../execution/{id})
  get_logs(): GET /preprocessing/logs/{g}/{h}?start=&end= (dd-mm-YYYY, the last 6 days)
  search_preprocessing(): GET /v2/preprocessing 200 Result; on any error GET /preprocessing/search
"""
import argparse
import datetime
import json
import os
import re
import shutil
import sys
import tempfile
import time

import requests

sys.dont_write_bytecode = True  # leave no __pycache__ beside the imported replay and samples
from official_client_calls import SAMPLES, ClientError, check_settled, expected_sync, run_replay  # noqa: E402 (shared with the 2.1.1 replay)
import official_client_4_models as models  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
V2_DIR = os.path.join(HERE, "data", "v2-join")
MODEL_STATES = {"Ready", "Building", "Recovering", "FailedRecovery", "Failed", "Deployed", "Disabled",
                "DisabledRecovery", "DisabledFailed", "Deleted"}
EXECUTION_STATES = {"Requested", "Running", "Succeeded", "Failed"}


class Replay4:
    """The 4.0.2 client's requests, one method per client function that sends them."""

    def __init__(self, root, user, password, tenant, group_token, sleep_scale):
        root = root[:-1] if root.endswith("/") else root
        self.api = root if root.endswith("/api") else root + "/api"
        self.credentials = {"user": user, "password": password, "tenant": tenant}
        self.group_token = group_token
        self.sleep_scale = sleep_scale
        self.sent = []  # [method, path, status] of every request, in order
        self.fallbacks = []  # [what, status of the v2 answer] each time a v2 probe fell back to v1

    # --- plumbing ----------------------------------------------------------------------

    def _send(self, method, path, **kwargs):
        response = requests.request(method, self.api + path, **kwargs)
        self.sent.append([method, "/api" + path, response.status_code])
        return response

    def _nap(self, seconds):
        time.sleep(seconds * self.sleep_scale)

    @staticmethod
    def _codex(method_name):
        return {"Neomaril-Origin": "Codex", "Neomaril-Method": method_name}

    def make_request(self, method, path, success, error=None, headers=None, **kwargs):
        """http_request_handler.make_request: exactly one success code, else an error."""
        response = self._send(method, path, headers=headers, timeout=60, **kwargs)
        if response.status_code == success:
            return response
        status = response.status_code
        if status == 401:
            raise ClientError(f"AuthenticationError: {method} {path}")
        if status == 400:
            response.json()  # logged by the client: the body must be JSON
            raise ClientError(f"InputError: {method} {path}: {response.text[:300]}")
        if status >= 500:
            raise ClientError(f"ServerError: {method} {path}: HTTP {status}")
        if error and status == 404:
            raise ClientError(f"{error}: {method} {path}: HTTP 404")
        response.json()
        raise ClientError(f"UnexpectedError: {method} {path}: HTTP {status}")

    def login(self):
        """refresh_token(): no cache in 4.x, so every call logs in again."""
        response = self._send("POST", "/login", data=self.credentials, timeout=60)
        if response.status_code != 200:
            raise ClientError(f"AuthenticationError: login HTTP {response.status_code}: {response.text[:300]}")
        return response.json()["Token"]

    def user(self, method_name=None):
        return {"Authorization": "Bearer " + self.login(), **(self._codex(method_name) if method_name else {})}

    def connect(self):
        """BaseMLOps.__init__ -> try_login(): health (any non-200 raises), then login."""
        response = self._send("GET", "/health", timeout=60)
        if response.status_code != 200:
            raise ClientError(f"health: HTTP {response.status_code}")
        self.login()
        response.json().get("Version")

    def probe(self, what, v2_call, v1_call):
        """The client's v2-first pattern: any exception from v2 (an error status, a missing
        key, an unknown state) falls back to v1."""
        before = len(self.sent)
        try:
            return v2_call()
        except (ClientError, KeyError, ValueError):
            v2_status = next((s for m, p, s in self.sent[before:] if "/v2/" in p), None)
            self.fallbacks.append([what, v2_status])
            return v1_call()

    # --- groups ------------------------------------------------------------------------

    def list_groups(self):
        response = self._send("GET", "/groups", headers=self.user("BaseMLOpsClient.list_groups"))
        if response.status_code != 200:
            raise ClientError(f"list_groups: HTTP {response.status_code}")
        return response.json()["Results"]

    def validate_group(self, group):
        if group not in [g.get("Name") for g in self.list_groups()]:
            raise ClientError("GroupError: Group dont exist. Create a group first.")

    # --- MLOpsPreprocessingAsyncV2Client ----------------------------------------------

    def v2_host_status(self, script_hash):
        response = self.make_request("GET", f"/v2/preprocessing/{script_hash}/status", 200, "PreprocessingError",
                                     headers=self.user())
        body = response.json()
        status = body["Status"]
        if status not in MODEL_STATES:
            raise KeyError(status)  # ModelState[...] on an unknown name
        if status == "Deployed":
            return status, body["DatasetHash"], None
        return status, None, body["Message"]

    def v2_create(self, *, name, group, script, entrypoint, requirements, python_version, schemas, env=None, extras=()):
        self.validate_group(group)
        version = "Python" + python_version.replace(".", "")
        token = self.login()  # one token for the register and the first uploads
        auth = {"Authorization": "Bearer " + token}
        script_hash = self.make_request("POST", f"/v2/preprocessing/{group}", 201, "GroupError", headers=auth,
                                        json={"Name": name, "Operation": "Async"}).json()["PreprocessHash"]
        datasets = {}
        for dataset_name, path in schemas:
            with open(path, "rb") as handle:
                body = self.make_request("PATCH", f"/v2/preprocessing/{script_hash}/schema", 201, "PreprocessingError",
                                         headers=auth, data={"dataset_name": dataset_name},
                                         files={"schema_file": handle}).json()
            datasets[body["DatasetName"]] = body["DatasetHash"]
        with open(script, "rb") as handle:
            self.make_request("PATCH", f"/v2/preprocessing/{script_hash}/script-file", 201, "PreprocessingError",
                              headers=auth, data={"preprocess_reference": entrypoint, "python_version": version},
                              files={"script": handle})
        with open(requirements, "rb") as handle:
            self.make_request("PATCH", f"/v2/preprocessing/{script_hash}/requirements-file", 201, "PreprocessingError",
                              headers=auth, files={"requirements": handle})
        if env:
            with open(env, "rb") as handle:
                self.make_request("PATCH", f"/v2/preprocessing/{script_hash}/env-file", 201, headers=auth,
                                  files={"env": handle})
        for extra_name, path in extras:
            with open(path, "rb") as handle:
                self.make_request("PATCH", f"/v2/preprocessing/{script_hash}/extra-file", 201, "PreprocessingError",
                                  headers=self.user("MLOpsPreprocessingAsyncV2Client.create"),
                                  data={"extra_file_name": extra_name}, files={"extra_file": handle}).json()["Message"]
        self.make_request("PATCH", f"/v2/preprocessing/{script_hash}/status", 202, "PreprocessingError",
                          headers={**auth, **self._codex("MLOpsPreprocessingAsyncV2Client.create")})
        # wait(): every 30 s while Building or Ready.
        status, _, _ = self.v2_host_status(script_hash)
        while status in ("Building", "Ready"):
            self._nap(30)
            status, _, _ = self.v2_host_status(script_hash)
        return script_hash, datasets

    # --- MLOpsPreprocessingClient ------------------------------------------------------

    def client(self):
        """MLOpsPreprocessingClient(...): itself, then its inner v2 client."""
        self.connect()
        self.connect()

    def status(self, script_hash, group):
        """__get_preprocessing_status: the v2 probe, else v1 status (200 or 410)."""
        def v2():
            status, _, message = self.v2_host_status(script_hash)
            return {"Status": status, "Message": message}

        def v1():
            response = self._send("GET", f"/preprocessing/status/{group}/{script_hash}", headers=self.user(), timeout=60)
            if response.status_code not in (200, 410):
                raise ClientError(f"PreprocessingError: status HTTP {response.status_code}")
            return response.json()

        return self.probe("status", v2, v1)

    def get_preprocessing(self, script_hash, group):
        answer = self.status(script_hash, group)
        status = answer["Status"]
        while status == "Building":
            answer = self.status(script_hash, group)
            status = answer["Status"]
            self._nap(10)
        check_settled(script_hash, answer)
        return self.preprocessing(script_hash, group)

    def preprocessing(self, script_hash, group):
        """MLOpsPreprocessing.__init__: itself and its v2 client connect, then describe."""
        self.connect()
        self.connect()

        def v2():
            body = self.make_request("GET", f"/v2/preprocessing/{script_hash}", 200, "PreprocessingError",
                                     headers=self.user("MLOpsPreprocessingAsyncV2Client.describe")).json()
            return {"operation": "async", "status": body["State"]}

        def v1():
            described = self._send("GET", f"/preprocessing/describe/{group}/{script_hash}", headers=self.user())
            operation = described.json()["Description"].get("Operation").lower()
            return {"operation": operation, "status": self.status(script_hash, group).get("Status")}

        found = self.probe("describe", v2, v1)
        return {"hash": script_hash, "group": group, **found, "ready": found["status"] == "Deployed"}

    def create_sync(self, *, name, reference, source, requirements, schema, group, extra_files=(), python_version="3.10"):
        self.validate_group(group)
        opened = []

        def part(path):
            handle = open(path, "rb")
            opened.append(handle)
            return handle

        files = [("source", ({"py": "script.py", "ipynb": "notebook.ipynb"}[source.rsplit(".", 1)[-1]], part(source))),
                 ("requirements", ("requirements.txt", part(requirements))),
                 ("schema", (schema.split("/")[-1], part(schema)))]
        files += [("extra", (path.split("/")[-1], part(path))) for path in extra_files]
        form = {"name": name, "script_reference": reference, "operation": "Sync",
                "python_version": "Python" + python_version.replace(".", "")}
        try:
            response = self._send("POST", f"/preprocessing/register/{group}", data=form, files=files, headers=self.user())
        finally:
            for handle in opened:
                handle.close()
        if response.status_code != 201:
            raise ClientError(f"InputError: register HTTP {response.status_code}: {response.text[:300]}")
        body = response.json()
        body["Message"]
        script_hash = body["Hash"]
        host = self._send("GET", f"/preprocessing/sync/host/{group}/{script_hash}", headers=self.user("MLOpsPreprocessingClient.create"))
        if host.status_code != 202:
            raise ClientError(f"InputError: host HTTP {host.status_code}")
        return self.get_preprocessing(script_hash, group)

    def create_async(self, *, group, **arguments):
        self.validate_group(group)
        script_hash, datasets = self.v2_create(group=group, **arguments)
        return {**self.get_preprocessing(script_hash, group), "datasets": datasets}

    # --- MLOpsPreprocessing.run and PreprocessExecution ---------------------------------

    def register_execution(self, script_hash):
        message = self.make_request("POST", f"/v2/preprocessing/{script_hash}/execution", 201, "PreprocessingError",
                                    headers=self.user("MLOpsPreprocessingAsyncV2Client.register_execution")).json()["Message"]
        match = re.search(r"'(\d+)'", message)
        if not match:
            raise ValueError("Could not extract execution number")
        return int(match.group(1))

    def execution_status(self, script_hash, execution_id):
        body = self.make_request("GET", f"/v2/preprocessing/{script_hash}/execution/{execution_id}/status", 200,
                                 "PreprocessingError", headers=self.user()).json()
        status = body["Status"]
        if status not in EXECUTION_STATES:
            raise KeyError(status)
        return status, body["OutputDatasetHash"] if status == "Succeeded" else None

    def run(self, obj, data):
        """MLOpsPreprocessing.run(data=..., wait_complete=True)."""
        def v2():
            execution_id = self.register_execution(obj["hash"])
            for dataset_name, path in data:
                with open(path, "rb") as handle:
                    self.make_request("PATCH", f"/v2/preprocessing/{obj['hash']}/execution/{execution_id}/input", 201,
                                      "PreprocessingError", headers=self.user("MLOpsPreprocessingAsyncV2Client.upload_input"),
                                      data={"dataset_name": dataset_name}, files={"input": handle}).json()["DatasetHash"]
            self.make_request("PATCH", f"/v2/preprocessing/{obj['hash']}/execution/{execution_id}/run", 201,
                              "PreprocessingError", headers=self.user("MLOpsPreprocessingAsyncV2Client.run"))
            status, _ = self.execution_status(obj["hash"], execution_id)
            while status == "Running":
                self._nap(10)
                status, _ = self.execution_status(obj["hash"], execution_id)
            self.connect()  # PreprocessExecution builds a v2 client
            return {"kind": "execution", "hash": obj["hash"], "id": execution_id, "status_after_run": status}

        def v1():
            if not obj["ready"] or obj["operation"] != "sync":
                raise ClientError("the replay falls back to v1 for Deployed Sync scripts only")
            response = self._send("POST", f"/preprocessing/sync/run/{obj['group']}/{obj['hash']}",
                                  data=json.dumps({"Input": data}),
                                  headers={"Authorization": "Bearer " + self.group_token, **self._codex("MLOpsPreprocessing.run")})
            return {"kind": "sync", "http_status": response.status_code, "result": response.json()}

        return self.probe("run", v2, v1)

    def wait_ready(self, execution):
        status, _ = self.execution_status(execution["hash"], execution["id"])
        while status in ("Running", "Requested"):
            self._nap(30)
            status, _ = self.execution_status(execution["hash"], execution["id"])
        return status

    def download(self, execution, path):
        status, output_hash = self.execution_status(execution["hash"], execution["id"])
        response = self.make_request("GET", f"/v2/preprocessing/{execution['hash']}/execution/{execution['id']}/result", 200,
                                     "PreprocessingError", headers=self.user("MLOpsPreprocessingAsyncV2Client.download"))
        target = os.path.join(path, "preprocessed_data.parquet")
        with open(target, "wb") as handle:
            handle.write(response.content)
        return {"status": status, "output_dataset_hash": output_hash, "path": target}

    def execution_info(self, execution):
        return self.make_request("GET", f"/v2/preprocessing/{execution['hash']}/execution/{execution['id']}", 200,
                                 "PreprocessingError", headers=self.user("MLOpsPreprocessingAsyncV2Client.describe")).json()

    # --- logs and search ---------------------------------------------------------------

    def get_logs(self, obj):
        today = datetime.datetime.today()
        query = {"start": (today - datetime.timedelta(days=6)).strftime("%d-%m-%Y"), "end": today.strftime("%d-%m-%Y")}
        response = self._send("GET", f"/preprocessing/logs/{obj['group']}/{obj['hash']}", params=query, headers=self.user())
        if response.status_code != 200:
            raise ClientError(f"InputError: logs HTTP {response.status_code}")
        return response.json()

    def search_preprocessing(self):
        def v2():
            return self.make_request("GET", "/v2/preprocessing", 200, params={},
                                     headers=self.user("MLOpsPreprocessingAsyncV2Client.search")).json()["Result"]

        def v1():
            response = self._send("GET", "/preprocessing/search", params={},
                                  headers=self.user("MLOpsPreprocessingClient.search_preprocessing"))
            if response.status_code != 200:
                raise ClientError(f"PreprocessingError: search HTTP {response.status_code}")
            return response.json()["Results"]

        return self.probe("search", v2, v1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--user", default="neomaril@example.com")
    parser.add_argument("--password", default="neomaril-password")
    parser.add_argument("--tenant", default="datarisk")
    parser.add_argument("--group", default="datarisk")
    parser.add_argument("--group-token", default="0123456789abcdef0123456789abcdef")
    parser.add_argument("--sleep-scale", type=float, default=1.0)
    parser.add_argument("--out-dir", default=None)
    parser.add_argument("--v1-server", action="store_true")
    parser.add_argument("--sync-model", default=None)
    parser.add_argument("--async-model", default=None)
    args = parser.parse_args()

    began = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="official-client-4-replay-")
    out_dir = args.out_dir or scratch
    client = Replay4(args.url, args.user, args.password, args.tenant, args.group_token, args.sleep_scale)
    summary = {"api": client.api}

    # client = MLOpsPreprocessingClient(login=..., password=..., tenant=...)
    client.client()

    # client.create(..., operation="Sync"); preprocessing.run(data=..., group_token=...); get_logs()
    sync_dir = os.path.join(SAMPLES, "sync")
    sync = client.create_sync(name="replay4 sync", reference="process", source=os.path.join(sync_dir, "score.py"),
                              requirements=os.path.join(sync_dir, "requirements.txt"),
                              schema=os.path.join(sync_dir, "schema.json"),
                              extra_files=[os.path.join(sync_dir, "limits.json")], group=args.group)
    with open(os.path.join(sync_dir, "schema.json"), encoding="utf-8") as handle:
        sync_input = json.load(handle)
    sync_run = client.run(sync, sync_input)
    summary["sync"] = {"hash": sync["hash"], "status": sync["status"], "operation": sync["operation"],
                       "run": sync_run, "expected": expected_sync(sync_input),
                       "logs": len(client.get_logs(sync)["Results"])}
    if args.sync_model:
        # sync_model = MLOpsModelClient(...).get_model(...); sync_model.predict(data, preprocessing=sync_preprocessing)
        model = models.get_model(client, args.sync_model, args.group)
        summary["model_sync"] = {"operation": model["operation"], "status": models.status(client, model),
                                 "prediction": models.predict_sync(client, model, sync_input, sync["hash"])}

    # client.create(..., operation="Async", schema=[(name, path), ...], extra_files=[(name, path)], env=...)
    env_file = os.path.join(scratch, "replay.env")
    with open(env_file, "w", encoding="utf-8") as handle:
        handle.write("REPLAY_SECRET=not-a-real-secret\n")
    schemas = [("clients", os.path.join(V2_DIR, "clients.csv")), ("loans", os.path.join(V2_DIR, "loans.json"))]
    v2_arguments = dict(name="replay4 v2 join", script=os.path.join(V2_DIR, "app.py"), entrypoint="build_df",
                        requirements=os.path.join(V2_DIR, "requirements.txt"), python_version="3.10", schemas=schemas,
                        env=env_file, extras=[("rates.json", os.path.join(V2_DIR, "rates.json"))])
    if args.v1_server:
        try:
            client.create_async(group=args.group, **v2_arguments)
            summary["async_create"] = "accepted"
        except ClientError as error:
            summary["async_create"] = str(error).split(":")[0]
    else:
        v2 = client.create_async(group=args.group, **v2_arguments)
        # execution = preprocessing.run(data=[(name, path), ...], wait_complete=True)
        execution = client.run(v2, schemas)
        final = client.wait_ready(execution)
        downloaded = client.download(execution, out_dir)
        summary["v2"] = {"hash": v2["hash"], "status": v2["status"], "operation": v2["operation"],
                         "datasets": v2["datasets"], "execution": execution, "final_status": final,
                         "download": downloaded, "info": client.execution_info(execution)}
        if args.async_model:
            # execution = async_model.predict(data, preprocessing=async_preprocessing); execution.download()
            model = models.get_model(client, args.async_model, args.group)
            run = models.predict_async(client, model, downloaded["path"])
            summary["model_async"] = {"operation": model["operation"], **run,
                                      "zip": models.download(client, model, run["execution_id"], out_dir)}

        # A broken build: create(operation="Async") of a script that does not parse.
        broken = os.path.join(scratch, "broken.py")
        with open(broken, "w", encoding="utf-8") as handle:
            handle.write("def build_df(dfs, extra_path=None)\n    return dfs['clients']\n")
        try:
            client.create_async(group=args.group, **{**v2_arguments, "name": "replay4 broken", "script": broken,
                                                     "schemas": schemas[:1], "env": None, "extras": ()})
            summary["broken"] = "accepted"
        except ClientError as error:
            summary["broken"] = str(error)

    # client.search_preprocessing()
    summary["search"] = [r.get("ScriptHash") or r.get("Hash") for r in client.search_preprocessing()]
    summary["fallbacks"] = client.fallbacks
    summary["requests"] = client.sent
    summary["seconds"] = round(time.monotonic() - began, 2)
    shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(summary))


if __name__ == "__main__":
    run_replay(main, "official client 4.0.2")
