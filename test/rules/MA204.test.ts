// MA204: The batch entry is not /bin/sh /home/run.sh, or run.sh is missing.
import { ruleTester } from '../helpers/ruleTester';
import { BATCH, HANDLER, online } from '../helpers/folders';

const RUN = { 'run.sh': 'exec python3 /home/server.py\n' };
const batch = (dockerfile: string) => online(dockerfile, RUN);
const NO_RUN_SH = BATCH.replace('COPY run.sh /home/run.sh\n', '');

ruleTester('MA204', {
  valid: [
    { name: 'CMD /bin/sh /home/run.sh', files: batch(BATCH + 'CMD /bin/sh /home/run.sh\n'), alone: true },
    { name: 'CMD ["sh", "/home/run.sh"]', files: batch(BATCH + 'CMD ["sh", "/home/run.sh"]\n'), alone: true },
    { name: 'an online service (no batch marker) is not judged', files: online(BATCH + 'CMD ["python3", "/home/server.py"]\n', { 'run.sh': 'x' }) },
  ],
  invalid: [
    { name: 'CMD ["/home/run.sh"]', files: batch(BATCH + 'CMD ["/home/run.sh"]\n'), alone: true, count: 1 },
    { name: 'CMD bash /home/run.sh', files: batch(BATCH + 'CMD bash /home/run.sh\n'), alone: true, count: 1 },
    { name: 'nothing copies run.sh to /home/run.sh', files: batch(NO_RUN_SH + 'CMD /bin/sh /home/run.sh\n'), alone: true, count: 1 },
    {
      name: 'marked batch, started with python',
      files: batch('# modelarts-service: batch\n' + BATCH + 'CMD ["python3", "/home/server.py"]\n'),
      alone: true,
      count: 1,
    },
    {
      name: 'the service kind forced to batch',
      files: online(BATCH + 'CMD ["python3", "/home/server.py"]\n', { 'run.sh': 'x' }),
      opts: { serviceKind: 'batch' },
      alone: true,
      count: 1,
    },
    { name: 'the fix writes the canonical batch CMD', files: { Dockerfile: BATCH + 'CMD ["/home/run.sh"]\n', ...RUN, 'server.py': HANDLER }, fixed: 'clean' },
    { name: 'the fix copies run.sh', files: { Dockerfile: NO_RUN_SH + 'CMD /bin/sh /home/run.sh\n', ...RUN, 'server.py': HANDLER }, fixed: 'clean' },
  ],
});
