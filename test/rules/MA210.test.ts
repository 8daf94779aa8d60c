// MA210: A COPY/ADD source is missing from the build context or excluded by .dockerignore.
import { ruleTester } from '../helpers/ruleTester';
import { BATCH, GOOD, SERVER, online } from '../helpers/folders';

const copy = (line: string, extra: Record<string, string> = {}) => online(GOOD.replace('COPY server.py', line + '\nCOPY server.py'), extra);

ruleTester('MA210', {
  valid: [
    {
      name: 'a folder and a glob sent, .dockerignore re-including a file',
      files: copy('COPY model/ /home/app/model/\nCOPY *.py /home/app/', { 'model/w.bin': 'x', '.dockerignore': '*.md\n!README.md\n' }),
      alone: true,
    },
    {
      name: 'COPY --from a stage and ADD of a URL are not in the context',
      files: online('FROM python:3.11 AS b\nRUN echo x > /out\n'
        + GOOD.replace('COPY server.py', 'COPY --from=b /out /out\nADD https://example.com/a.tgz /tmp/\nCOPY server.py')),
      alone: true,
    },
    {
      name: 'a glob that matches nothing beside another source',
      files: online(GOOD.replace('COPY server.py /home/app/server.py', 'COPY server.py extra*.txt /home/app/')),
      alone: true,
    },
    {
      name: 'a folder excluded but for a re-included file',
      files: copy('COPY model /home/app/model', { 'model/keep.bin': 'x', 'model/big.bin': 'x', '.dockerignore': 'model\n!model/keep.bin\n' }),
      alone: true,
    },
  ],
  invalid: [
    { name: 'a missing folder', files: copy('COPY model/ /home/app/model/'), alone: true, count: 1 },
    {
      name: 'a folder excluded by .dockerignore',
      files: copy('COPY model/ /home/app/model/', { 'model/w.bin': 'x', '.dockerignore': 'model\n' }),
      alone: true,
      count: 1,
    },
    { name: 'a glob that matches nothing', files: copy('COPY *.txt /home/app/'), alone: true, count: 1 },
    { name: 'outside the build context', files: copy('COPY ../x /x'), alone: true, count: 1 },
    {
      name: 'a missing run.sh of a batch image: MA210, and MA204 does not repeat it',
      files: { Dockerfile: '# modelarts-service: batch\n' + BATCH + 'CMD /bin/sh /home/run.sh\n', 'server.py': SERVER },
      alone: true,
      count: 1,
    },
  ],
});
