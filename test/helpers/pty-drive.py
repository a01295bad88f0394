"""Drives a command in a pseudo-terminal for the interactive tests: waits for each expected
prompt (a regex on the screen text since the previous step), then types the given keys.
Usage: python3 pty-drive.py '<json: {cmd, cwd, env, steps: [[regex, keys]], timeout}>'
Prints the transcript; exits with the command's exit code (124 on timeout)."""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

spec = json.loads(sys.argv[1])
ansi = re.compile(r'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[=>]|\r')
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec['cwd'])
    env = dict(os.environ, **spec.get('env', {}))
    os.execvpe(spec['cmd'][0], spec['cmd'], env)

fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 160, 0, 0))
raw = b''
seen = 0
step = 0
deadline = time.time() + spec.get('timeout', 60)
code = None
while True:
    if time.time() > deadline:
        os.kill(pid, signal.SIGKILL)
        code = 124
        break
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b''
        if not data:
            break
        raw += data
    screen = ansi.sub('', raw.decode('utf-8', 'replace'))
    if step < len(spec['steps']) and re.search(spec['steps'][step][0], screen[seen:]):
        time.sleep(0.3)
        for key in spec['steps'][step][1]:
            os.write(fd, key.encode())
            time.sleep(0.15)
        seen = len(screen)
        step += 1
_, status = os.waitpid(pid, 0)
sys.stdout.write(ansi.sub('', raw.decode('utf-8', 'replace')))
sys.stdout.write(f'\n[steps done: {step}/{len(spec["steps"])}]\n')
if code is None:
    code = os.waitstatus_to_exitcode(status) if hasattr(os, 'waitstatus_to_exitcode') else (status >> 8)
sys.exit(code)
