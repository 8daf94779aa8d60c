// MA209: The main process runs in the background.
import { ruleTester } from '../helpers/ruleTester';
import { GOOD, online } from '../helpers/folders';

const cmd = (c: string) => online(GOOD.replace(/CMD .*/, c));

ruleTester('MA209', {
  valid: [
    { name: '& then wait', files: cmd('CMD python3 /home/app/server.py & wait'), alone: true },
    { name: 'sh -c with exec', files: cmd('CMD ["sh", "-c", "echo start && exec python3 /home/app/server.py"]'), alone: true },
  ],
  invalid: [
    { name: 'the server sent to the background with &', files: cmd('CMD python3 /home/app/server.py &'), alone: true, count: 1 },
    { name: 'service nginx start', files: cmd('CMD service nginx start'), alone: true, count: 1 },
  ],
});
