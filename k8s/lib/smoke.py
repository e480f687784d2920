#!/usr/bin/env python3
"""Runs the pod specs of a rendered kustomize overlay in podman, as a cluster would, and checks them.

    smoke.py RENDERED.yaml --root ROOT [--port-base N] [--keep]
    smoke.py --down     removes what a run made (its label), as k8s/smoke --down

Every Deployment becomes one podman container per container in its pod template (init containers first,
to completion), on a network of its own, with what the spec says: image, command, args, env (values,
Secret and ConfigMap keys, $(VAR) expansion), volumes (emptyDir as tmpfs, ConfigMap and Secret as
read-only files, a PersistentVolumeClaim as a podman volume), the security context (user and group,
read-only root, capabilities, no privilege escalation) and memory and CPU limits. A Service's name
resolves to its pod (as cluster DNS would, through /etc/hosts). Each container's ports are published on
127.0.0.1 from --port-base on.

Then it asserts the security context with `podman inspect` and inside each container, polls every
readiness probe itself (podman runs none), loads the seed through the gateway with a token from Keycloak,
checks the seed's figures and the portal's pages through the gateway, and removes everything it made
(unless --keep). Exits non-zero naming what failed.
"""
import argparse
import base64
import html.parser
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


NETWORK = "radhus-smoke"
SUBNET = "10.213.77"
PREFIX = "smoke-"
# on every container and volume a run makes: what a later run or k8s/smoke --down removes is chosen by it,
# never by name alone
LABEL = "radhus.smoke=1"
SEED_CLIENT = "radhus-smoke-seed"
SEED_SECRET = "smoke-only-seed-secret"
# every workload the smoke overlay must run (a Deployment that went missing from it fails the run)
WORKLOADS = {"gateway", "meetings-service", "finance-service", "procurement-service", "keycloak", "portal"}
SEED_MEETING = "ks-nau-2024-05-21"


def log(msg):
    print(f"smoke: {msg}", flush=True)


def fail(msg):
    print(f"smoke: FAIL: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


def podman(*args, check=True, capture=True):
    r = subprocess.run(["podman", *args], capture_output=capture, text=True)
    if check and r.returncode != 0:
        fail(f"podman {' '.join(args[:3])} …: {r.stderr.strip() or r.stdout.strip()}")
    return r


class Cluster:
    def __init__(self, objects, root, port_base, work):
        self.root = root
        self.work = work
        self.next_port = port_base
        self.secrets, self.configmaps, self.services, self.deployments = {}, {}, [], []
        for o in objects:
            kind, name = o.get("kind"), o["metadata"]["name"]
            if kind == "Secret":
                data = {k: base64.b64decode(v).decode() for k, v in (o.get("data") or {}).items()}
                data.update(o.get("stringData") or {})
                self.secrets[name] = data
            elif kind == "ConfigMap":
                self.configmaps[name] = dict(o.get("data") or {})
            elif kind == "Service":
                self.services.append(o)
            elif kind == "Deployment":
                self.deployments.append(o)
        missing = WORKLOADS - {d["metadata"]["name"] for d in self.deployments}
        if missing:
            fail(f"the rendered overlay has no Deployment {', '.join(sorted(missing))}")
        self.ips = {d["metadata"]["name"]: f"{SUBNET}.{10 + i}" for i, d in enumerate(self.deployments)}
        self.hosts = self.service_hosts()
        self.containers = []  # (deployment, container spec, podman name, {containerPort: hostPort})

    def service_hosts(self):
        """Each Service's name, as cluster DNS gives it, to the address of the one pod it selects."""
        hosts = {}
        for s in self.services:
            selector = s["spec"].get("selector") or {}
            chosen = [d for d in self.deployments
                      if selector and all(d["spec"]["template"]["metadata"]["labels"].get(k) == v for k, v in selector.items())]
            if len(chosen) != 1:
                continue  # a Service of a workload this run does not start
            d = chosen[0]
            for p in s["spec"]["ports"]:
                target = p.get("targetPort", p["port"])
                container_ports = [cp for c in d["spec"]["template"]["spec"]["containers"] for cp in c.get("ports", [])
                                   if cp.get("name") == target or cp["containerPort"] == target]
                if not container_ports or container_ports[0]["containerPort"] != p["port"]:
                    fail(f"Service {s['metadata']['name']} maps port {p['port']} to {target}: this run needs them equal")
            ns = s["metadata"].get("namespace", "default")
            ip = self.ips[d["metadata"]["name"]]
            for h in (s["metadata"]["name"], f"{s['metadata']['name']}.{ns}", f"{s['metadata']['name']}.{ns}.svc",
                      f"{s['metadata']['name']}.{ns}.svc.cluster.local"):
                hosts[h] = ip
        return hosts

    # --- one container's podman arguments ---------------------------------------------------------------

    def env(self, c):
        values = {}
        for e in c.get("env", []):
            if "value" in e:
                v = re.sub(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", lambda m: values.get(m.group(1), m.group(0)), str(e["value"]))
            elif "valueFrom" in e:
                ref = e["valueFrom"]
                if "secretKeyRef" in ref:
                    src, what = self.secrets, ref["secretKeyRef"]
                elif "configMapKeyRef" in ref:
                    src, what = self.configmaps, ref["configMapKeyRef"]
                else:
                    fail(f"env {e['name']}: only secretKeyRef and configMapKeyRef are supported here")
                if what["name"] not in src or what["key"] not in src[what["name"]]:
                    fail(f"env {e['name']}: {what['name']}/{what['key']} is not in the rendered overlay")
                v = src[what["name"]][what["key"]]
            else:
                v = ""
            values[e["name"]] = v
        return values

    def volume_args(self, deployment, pod, c, uid, gid):
        volumes = {v["name"]: v for v in pod.get("volumes", [])}
        args = []
        for m in sorted(c.get("volumeMounts", []), key=lambda m: m["mountPath"].count("/")):
            v = volumes.get(m["name"]) or fail(f"{deployment}: volume {m['name']} is not defined")
            path, ro = m["mountPath"], m.get("readOnly", False)
            if "emptyDir" in v:
                size = (v["emptyDir"] or {}).get("sizeLimit")
                opt = f"type=tmpfs,destination={path},tmpfs-mode=1777" + (f",tmpfs-size={size.replace('i', '')}" if size else "")
                args += ["--mount", opt]
            elif "configMap" in v or "secret" in v:
                if "configMap" in v:
                    src, name = self.configmaps, v["configMap"]["name"]
                    items, mode = v["configMap"].get("items"), v["configMap"].get("defaultMode", 0o644)
                else:
                    src, name = self.secrets, v["secret"]["secretName"]
                    items, mode = v["secret"].get("items"), v["secret"].get("defaultMode", 0o644)
                if name not in src:
                    fail(f"{deployment}: {name} is not in the rendered overlay")
                d = self.work / "volumes" / deployment / m["name"]
                d.mkdir(parents=True, exist_ok=True)
                pairs = [(i["key"], i["path"]) for i in items] if items else [(k, k) for k in src[name]]
                for key, rel in pairs:
                    f = d / rel
                    f.write_text(self.realm(src[name][key]) if key == "realm-radhus.json" else src[name][key])
                    os.chown(f, uid, gid)  # the owner a kubelet gives with fsGroup
                    f.chmod(mode)
                args += ["-v", f"{d}:{path}:ro"]
            elif "persistentVolumeClaim" in v:
                vol = f"{PREFIX}{v['persistentVolumeClaim']['claimName']}"
                if podman("volume", "exists", vol, check=False).returncode != 0:
                    podman("volume", "create", "--label", LABEL, vol)
                args += ["-v", f"{vol}:{path}:U" + (",ro" if ro else "")]
            else:
                fail(f"{deployment}: volume {m['name']} is of a kind this run does not know")
        return args

    @staticmethod
    def realm(text):
        """The realm, plus one client for this run's seed loader: client credentials with the role admin and
        the API's audience (the realm itself has no such client: people sign in through the portal)."""
        realm = json.loads(text)
        realm["clients"].append({
            "clientId": SEED_CLIENT, "publicClient": False, "serviceAccountsEnabled": True,
            "standardFlowEnabled": False, "secret": SEED_SECRET,
            "protocolMappers": [
                {"name": "realm roles as roles", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-realm-role-mapper",
                 "config": {"claim.name": "roles", "jsonType.label": "String", "multivalued": "true", "access.token.claim": "true"}},
                {"name": "audience radhus-api", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                 "config": {"included.custom.audience": "radhus-api", "access.token.claim": "true"}}]})
        realm["users"].append({"username": f"service-account-{SEED_CLIENT}", "enabled": True,
                               "serviceAccountClientId": SEED_CLIENT, "realmRoles": ["admin"]})
        return json.dumps(realm)

    def run_args(self, deployment, pod, c, detach):
        psc, csc = pod.get("securityContext") or {}, c.get("securityContext") or {}
        uid = csc.get("runAsUser", psc.get("runAsUser"))
        gid = csc.get("runAsGroup", psc.get("runAsGroup", uid))
        if csc.get("runAsNonRoot", psc.get("runAsNonRoot")) and (uid is None or uid == 0):
            fail(f"{deployment}/{c['name']}: runAsNonRoot without a non-root runAsUser")
        name = f"{PREFIX}{deployment}-{c['name']}"
        args = ["run", "--name", name, "--label", LABEL, "--network", NETWORK, "--hostname", f"{deployment}-smoke"]
        args += ["-d", "--restart", "always"] if detach else ["--rm"]
        if detach:
            args += ["--ip", self.ips[deployment]]
        for h, ip in sorted(self.hosts.items()):
            args += ["--add-host", f"{h}:{ip}"]
        if uid is not None:
            args += ["--user", f"{uid}:{gid}"]
        if psc.get("fsGroup") is not None:
            args += ["--group-add", str(psc["fsGroup"])]
        if csc.get("readOnlyRootFilesystem"):
            args += ["--read-only", "--read-only-tmpfs=false"]
        for cap in (csc.get("capabilities") or {}).get("drop", []):
            args += ["--cap-drop", cap]
        for cap in (csc.get("capabilities") or {}).get("add", []):
            args += ["--cap-add", cap]
        if csc.get("allowPrivilegeEscalation") is False:
            args += ["--security-opt", "no-new-privileges"]
        limits = (c.get("resources") or {}).get("limits") or {}
        if "memory" in limits:
            args += ["--memory", limits["memory"].replace("Mi", "m").replace("Gi", "g")]
        if "cpu" in limits:
            cpu = str(limits["cpu"])
            args += ["--cpus", str(int(cpu[:-1]) / 1000 if cpu.endswith("m") else float(cpu))]
        for k, v in self.env(c).items():
            args += ["-e", f"{k}={v}"]
        args += self.volume_args(deployment, pod, c, uid or 0, psc.get("fsGroup", gid or 0))
        ports = {}
        if detach:
            for p in c.get("ports", []):
                ports[p["containerPort"]] = self.next_port
                args += ["-p", f"127.0.0.1:{self.next_port}:{p['containerPort']}"]
                self.next_port += 1
        if c.get("command"):
            args += ["--entrypoint", json.dumps(c["command"])]
        args.append(c["image"])
        expand = lambda s: re.sub(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", lambda m: self.env(c).get(m.group(1), m.group(0)), s)
        args += [expand(a) for a in c.get("args", [])]
        return name, args, ports, uid, gid

    # --- the run ----------------------------------------------------------------------------------------

    def start(self):
        # a run starts from nothing: containers and volumes an interrupted run left (a Keycloak file database
        # among them) would make this run another one
        left = remove_made()
        if left:
            log(f"removed what an earlier run left: {', '.join(left)}")
        podman("network", "create", "--subnet", f"{SUBNET}.0/24", NETWORK)
        for d in self.deployments:
            name, pod = d["metadata"]["name"], d["spec"]["template"]["spec"]
            for c in pod.get("initContainers", []):
                cname, args, _, _, _ = self.run_args(name, pod, c, detach=False)
                log(f"{name}: init container {c['name']}")
                r = podman(*args, check=False)
                if r.returncode != 0:
                    fail(f"{name}: init container {c['name']} exited {r.returncode}: {r.stderr.strip()[-2000:]}")
            for c in pod["containers"]:
                cname, args, ports, uid, gid = self.run_args(name, pod, c, detach=True)
                podman(*args)
                self.containers.append((name, c, cname, ports, uid, gid))
                log(f"{name}: started {c['image']} as {cname} ({self.ips[name]}; "
                    + ", ".join(f"{k}→127.0.0.1:{v}" for k, v in ports.items()) + ")")

    def assert_security(self):
        for name, c, cname, _, uid, gid in self.containers:
            info = json.loads(podman("inspect", cname).stdout)[0]
            csc = c.get("securityContext") or {}
            where = f"{name}/{c['name']}"
            if csc.get("readOnlyRootFilesystem") and info["HostConfig"]["ReadonlyRootfs"] is not True:
                fail(f"{where}: the root filesystem is not read-only (podman inspect)")
            if uid is not None and info["Config"]["User"] != f"{uid}:{gid}":
                fail(f"{where}: runs as {info['Config']['User']!r}, not {uid}:{gid} (podman inspect)")
            if "ALL" in (csc.get("capabilities") or {}).get("drop", []) and info.get("EffectiveCaps"):
                fail(f"{where}: keeps capabilities {info['EffectiveCaps']} (podman inspect)")
            if csc.get("allowPrivilegeEscalation") is False and not any(
                    o.startswith("no-new-privileges") for o in info["HostConfig"].get("SecurityOpt") or []):
                fail(f"{where}: may gain privileges (podman inspect)")
            # and as the process inside sees it
            seen = podman("exec", cname, "sh", "-c",
                          "id -u; id -g; grep ^CapEff /proc/1/status | tr -d '\\t'; "
                          "grep ^NoNewPrivs /proc/1/status | tr -d '\\t'; "
                          "if touch /smoke-write-test 2>/dev/null; then echo writable; else echo read-only; fi").stdout.split()
            expected = [str(uid), str(gid), "CapEff:0000000000000000", "NoNewPrivs:1", "read-only"]
            if seen != expected:
                fail(f"{where}: inside the container: {seen}, expected {expected}")
            log(f"{where}: uid {uid}, gid {gid}, no capabilities, no new privileges, read-only root")

    def wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        waiting = {cname for _, c, cname, _, _, _ in self.containers if c.get("readinessProbe")}
        if not waiting:
            fail("no container has a readiness probe")
        while waiting:
            for name, c, cname, ports, _, _ in self.containers:
                if cname in waiting and self.probe(c, ports):
                    waiting.discard(cname)
                    log(f"{name}/{c['name']}: ready")
            if not waiting:
                break
            self.fail_on_restart()
            if time.monotonic() > deadline:
                for cname in sorted(waiting):
                    print(f"--- {cname} (last lines of its log)", file=sys.stderr)
                    print(podman("logs", "--tail", "40", cname, check=False).stdout[-6000:], file=sys.stderr)
                fail(f"not ready after {timeout} s: {', '.join(sorted(waiting))}")
            time.sleep(2)

    @staticmethod
    def port_of(c, port):
        if isinstance(port, int):
            return port
        return next(p["containerPort"] for p in c.get("ports", []) if p.get("name") == port)

    def probe(self, c, ports):
        p = c["readinessProbe"]
        timeout = p.get("timeoutSeconds", 1) + 2
        if "httpGet" in p:
            host_port = ports[self.port_of(c, p["httpGet"]["port"])]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{host_port}{p['httpGet'].get('path', '/')}", timeout=timeout) as r:
                    return 200 <= r.status < 400
            except (urllib.error.URLError, OSError):
                return False
        if "tcpSocket" in p:
            try:
                socket.create_connection(("127.0.0.1", ports[self.port_of(c, p["tcpSocket"]["port"])]), timeout=timeout).close()
                return True
            except OSError:
                return False
        fail(f"{c['name']}: a readiness probe of a kind this run does not poll: {list(p)}")

    def host_port(self, deployment, container_port):
        return next(ports[container_port] for name, _, _, ports, _, _ in self.containers if name == deployment)

    def states(self):
        """Each container's podman inspect, by name (one call for all); a container that is gone (removed
        from outside) is there with the status "removed"."""
        names = [cname for _, _, cname, _, _, _ in self.containers]
        out = podman("inspect", *names, check=False).stdout.strip()
        infos = {i["Name"].lstrip("/"): i for i in (json.loads(out) if out.startswith("[") else [])}
        return {n: infos.get(n, {"Id": n, "RestartCount": 0, "State": {"Status": "removed"}}) for n in names}

    def restarts(self):
        return {cname: info.get("RestartCount", 0) for cname, info in self.states().items()}

    def fail_on_restart(self):
        """A container that exited (podman runs them with --restart always, as a kubelet would restart them)
        fails the run at once, with why it exited and the last lines its first run wrote: waiting on would
        only show the restarts' own errors (a crash in Keycloak's first schema migration, say, leaves a
        file database that every later start refuses)."""
        crashed = {c: i for c, i in self.states().items() if i.get("RestartCount", 0) or i["State"]["Status"] != "running"}
        if not crashed:
            return
        for cname, info in sorted(crashed.items()):
            if info["State"]["Status"] == "removed":
                print(f"--- {cname}: removed from outside this run", file=sys.stderr)
                continue
            # the exits as podman recorded them (inspect's state is the restarted run's), by the container's id:
            # never an earlier container's of the same name
            events = [json.loads(l) for l in podman(
                "events", "--stream=false", "--since", "1h", "--filter", f"container={info['Id']}", "--filter",
                "event=died", "--filter", "event=oom", "--format", "json", check=False).stdout.splitlines()
                if l.startswith("{")]
            exits = "\n".join(f"{e.get('Time')} {e.get('Status')} {e.get('ContainerExitCode', '')}" for e in events)
            print(f"--- {cname}: restarts {info.get('RestartCount', 0)}, now {info['State']['Status']}; exits "
                  f"(time, event, exit code; 137 is a SIGKILL, the OOM killer's among others):\n{exits or '-'}",
                  file=sys.stderr)
            # the log podman keeps holds every run's lines: up to the first exit is the first run's
            died = [e["Time"] for e in events if e.get("Status") == "died" and e.get("Time")]
            until = ["--until", died[0]] if died else []
            print(f"--- {cname}: {'its first run' if died else 'its'} log, stack frames left out:", file=sys.stderr)
            out = subprocess.run(["podman", "logs", *until, cname], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True).stdout
            text = [l for l in out.splitlines() if not l.lstrip().startswith(("at ", "... "))]
            print("\n".join(text[-80:]), file=sys.stderr)
        # a full disk under the volumes is one cause a container's log may not name
        storage = subprocess.run(["df", "-h", podman("info", "--format", "{{.Store.GraphRoot}}").stdout.strip() or "/"],
                                 capture_output=True, text=True).stdout
        print(f"--- the disk under podman's storage:\n{storage}", file=sys.stderr)
        fail(f"exited before all were ready: {', '.join(sorted(crashed))}")

    def teardown(self):
        remove_made()


def remove_made():
    """Removes every container and volume a run made (they carry LABEL; nothing else is touched) and the run's
    network; returns the names of what it removed."""
    containers = podman("ps", "-a", "--filter", f"label={LABEL}", "--format", "{{.Names}}", check=False).stdout.split()
    volumes = podman("volume", "ls", "-q", "--filter", f"label={LABEL}", check=False).stdout.split()
    for c in containers:
        podman("rm", "-f", "-t", "10", c, check=False)
    podman("network", "rm", "-f", NETWORK, check=False)
    for v in volumes:
        podman("volume", "rm", "-f", v, check=False)
    return containers + volumes


def http(method, url, body=None, headers=None, timeout=30):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def seed_and_check(cluster, root):
    kc = cluster.host_port("keycloak", 8080)
    gw = cluster.host_port("gateway", 8080)
    status, body = http("POST", f"http://127.0.0.1:{kc}/realms/radhus/protocol/openid-connect/token",
                        f"grant_type=client_credentials&client_id={SEED_CLIENT}&client_secret={SEED_SECRET}".encode(),
                        {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 200:
        fail(f"no token from Keycloak for the seed loader ({status}): {body[:500]}")
    token = json.loads(body)["access_token"]
    log("token from Keycloak (client credentials); loading the seed through the gateway")
    # The seed is idempotent; a 503 ("Try again": a peer not yet answering in time, on a cold start) is
    # retried as a client would, at most 3 times; anything else fails at once.
    for attempt in range(1, 4):
        r = subprocess.run([sys.executable, str(root / "bin" / "seed"), f"http://127.0.0.1:{gw}"],
                           env={**os.environ, "RADHUS_TOKEN": token}, capture_output=True, text=True, timeout=600)
        print(r.stdout[-4000:])
        if r.returncode == 0:
            break
        if "(503)" not in r.stderr or attempt == 3:
            fail(f"bin/seed exited {r.returncode}: {r.stderr[-3000:]}")
        log(f"bin/seed: {r.stderr.strip()[-300:]}; again ({attempt + 1}/3)")
    status, body = http("GET", f"http://127.0.0.1:{gw}/api/meetings/ks-nau-2024-05-21")
    if status != 200 or '"state":"POSTED"' not in body.replace(" ", ""):
        fail(f"GET /api/meetings/ks-nau-2024-05-21 through the gateway: {status} {body[:300]}")
    log("GET /api/meetings/ks-nau-2024-05-21 through the gateway: 200, POSTED")
    # § 181's grant is carried out by the effect dispatcher (under its lease); the seed waits for it
    status, body = http("GET", f"http://127.0.0.1:{gw}/api/appropriations/ks-tillvaxt/balance?asOf=2024-05-21")
    if status != 200:
        fail(f"the tillväxt balance: {status} {body[:300]}")
    balance = json.loads(body)
    years = [y for y in find_years(balance) if y.get("year") == 2024]
    if not years or "1 458,2 tkr" not in json.dumps(years[0], ensure_ascii=False):
        fail(f"the tillväxt balance for 2024 does not show 1 458,2 tkr: {body[:1500]}")
    log("the tillväxt balance for 2024 as of 2024-05-21 shows 1 458,2 tkr")


class PageText(html.parser.HTMLParser):
    """A page's text as a reader sees it (character references resolved), and its <title> and <h1>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.title, self.h1, self._in = [], "", "", []

    def handle_starttag(self, tag, attrs):
        self._in.append(tag)

    def handle_endtag(self, tag):
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data):
        self.parts.append(data)
        if "title" in self._in:
            self.title += data
        if "h1" in self._in:
            self.h1 += data

    @staticmethod
    def of(body):
        p = PageText()
        p.feed(body)
        p.close()
        squash = lambda t: " ".join(t.split())
        return squash(" ".join(p.parts)), squash(p.title), squash(p.h1)


def page(gw, path):
    """GET a portal page through the gateway: 200 text/html, or the run fails; its text, title and h1."""
    req = urllib.request.Request(f"http://127.0.0.1:{gw}{path}", headers={"Accept": "text/html"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, ctype, body = r.status, r.headers.get("Content-Type", ""), r.read().decode()
    except urllib.error.HTTPError as e:
        status, ctype, body = e.code, e.headers.get("Content-Type", ""), e.read().decode(errors="replace")
    if status != 200 or not ctype.startswith("text/html"):
        fail(f"GET {path} through the gateway (the portal): {status} {ctype}: {body[:300]}")
    return PageText.of(body)


def check_portal(cluster):
    """The portal's pages through the gateway (route `portal` → the portal's Service → the portal, which reads
    the public API back through the gateway's Service): the start page lists the bodies the API lists, and
    the seed meeting's page is titled with its body and shows every public paragraph's title the API gives."""
    gw = cluster.host_port("gateway", 8080)
    status, body = http("GET", f"http://127.0.0.1:{gw}/api/bodies?pageSize=100")
    if status != 200:
        fail(f"GET /api/bodies through the gateway: {status} {body[:300]}")
    names = {b["id"]: b["name"] for b in json.loads(body)["items"]}
    if not names:
        fail("GET /api/bodies through the gateway lists no body after the seed")
    text, _, _ = page(gw, "/")
    missing = [n for n in names.values() if n not in text]
    if missing:
        fail(f"GET / (the portal's start page) does not list the bodies {missing}")
    log(f"GET / through the gateway (the portal): 200 text/html, lists the {len(names)} bodies the API lists")
    status, body = http("GET", f"http://127.0.0.1:{gw}/api/meetings/{SEED_MEETING}")
    if status != 200:
        fail(f"GET /api/meetings/{SEED_MEETING} through the gateway: {status} {body[:300]}")
    meeting = json.loads(body)
    body_name = names.get(meeting["bodyId"]) or fail(f"the seed meeting's body {meeting['bodyId']} is not listed")
    titles = [p["title"] for p in meeting.get("paragraphs", []) if p.get("title")]
    if not titles:
        fail(f"GET /api/meetings/{SEED_MEETING} names no paragraph title")
    text, title, h1 = page(gw, f"/sammantraden/{SEED_MEETING}")
    if body_name not in title or body_name not in h1:
        fail(f"GET /sammantraden/{SEED_MEETING}: title {title!r}, h1 {h1!r}: neither names {body_name!r}")
    missing = [t for t in titles if " ".join(t.split()) not in text]
    if missing:
        fail(f"GET /sammantraden/{SEED_MEETING} lacks the paragraph titles {missing}")
    log(f"GET /sammantraden/{SEED_MEETING} through the gateway (the portal): 200 text/html, {title!r}, "
        f"all {len(titles)} paragraph titles")


def find_years(o):
    """Every object in the answer that names a year."""
    if isinstance(o, dict):
        if "year" in o:
            yield o
        for v in o.values():
            yield from find_years(v)
    elif isinstance(o, list):
        for v in o:
            yield from find_years(v)


def main():
    if sys.argv[1:] == ["--down"]:   # k8s/smoke --down: what a --keep run left
        remove_made()
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("rendered")
    ap.add_argument("--root", required=True)
    ap.add_argument("--port-base", type=int, default=18380)
    ap.add_argument("--ready-timeout", type=int, default=600)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    root = pathlib.Path(a.root)
    import yaml  # here, not at the top: --down needs no YAML (k8s/smoke installs python3-yaml after it)
    objects = [o for o in yaml.safe_load_all(pathlib.Path(a.rendered).read_text()) if o]
    work = pathlib.Path(a.rendered).parent / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cluster = Cluster(objects, root, a.port_base, work)
    start = time.monotonic()
    try:
        cluster.start()
        cluster.assert_security()
        cluster.wait_ready(a.ready_timeout)
        log(f"all {len(cluster.containers)} containers ready after {time.monotonic() - start:.0f} s")
        seed_and_check(cluster, root)
        check_portal(cluster)
        restarted = {k: v for k, v in cluster.restarts().items() if v}
        if restarted:
            fail(f"containers restarted during the run: {restarted}")
        log(f"passed in {time.monotonic() - start:.0f} s")
    finally:
        if a.keep:
            log("--keep: containers left running; remove them with k8s/smoke --down")
        else:
            cluster.teardown()


if __name__ == "__main__":
    main()
