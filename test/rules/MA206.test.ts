// MA206: The server's logs do not go to stdout.
import { ruleTester } from '../helpers/ruleTester';
import { GOOD, HANDLER, ONLINE, online } from '../helpers/folders';

const cmd = (c: string) => online(GOOD.replace(/CMD .*/, c));

ruleTester('MA206', {
  valid: [
    { name: 'gunicorn logs to -', files: cmd('CMD gunicorn -b 0.0.0.0:8080 --access-logfile - --error-logfile - server:app'), alone: true },
    { name: 'tee to the main process\'s stdout', files: cmd('CMD python3 /home/app/server.py 2>&1 | tee /proc/1/fd/1'), alone: true },
    {
      name: 'a build-time redirect is not a logging problem',
      files: online(GOOD.replace('ENV PYTHONUNBUFFERED=1', 'RUN pip list > /tmp/pkgs.txt')),
      alone: true,
    },
  ],
  invalid: [
    { name: 'output redirected to a file', files: cmd('CMD python3 /home/app/server.py > /var/log/app.log 2>&1'), alone: true, count: 1 },
    { name: 'a log-file option', files: cmd('CMD gunicorn -b 0.0.0.0:8080 --access-logfile /tmp/a.log server:app'), alone: true, count: 1 },
    {
      name: 'the fix removes the redirect',
      files: { Dockerfile: ONLINE('CMD python3 /home/app/server.py >> /var/log/s.log 2>&1'), 'server.py': HANDLER },
      fixed: 'clean',
    },
    {
      name: 'the fix sets the log-file option to -',
      files: { Dockerfile: ONLINE('CMD ["gunicorn", "-b", "0.0.0.0:8080", "--error-logfile", "/tmp/e.log", "server:app"]'), 'server.py': HANDLER },
      fixed: 'clean',
    },
  ],
});
