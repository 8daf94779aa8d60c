// Every rule file, in code order. Adding a rule: copy a rule file, its test (test/rules/) and its page
// (docs/rules/), then list it here; `npm run gen:rules` refreshes the README table and the rule index.
import MA100 from './config/MA100';
import MA101 from './config/MA101';
import MA102 from './config/MA102';
import MA103 from './config/MA103';
import MA104 from './config/MA104';
import MA105 from './config/MA105';
import MA106 from './config/MA106';
import MA107 from './config/MA107';
import MA108 from './config/MA108';
import MA109 from './config/MA109';
import MA110 from './config/MA110';
import MA111 from './config/MA111';
import MA112 from './config/MA112';
import MA113 from './config/MA113';
import MA114 from './config/MA114';
import MA115 from './config/MA115';
import MA116 from './config/MA116';
import MA117 from './config/MA117';
import MA118 from './config/MA118';
import MA119 from './config/MA119';
import MA120 from './deploy/MA120';
import MA121 from './deploy/MA121';
import MA122 from './deploy/MA122';
import MA200 from './dockerfile/MA200';
import MA201 from './dockerfile/MA201';
import MA202 from './dockerfile/MA202';
import MA203 from './dockerfile/MA203';
import MA204 from './dockerfile/MA204';
import MA205 from './dockerfile/MA205';
import MA206 from './dockerfile/MA206';
import MA207 from './dockerfile/MA207';
import MA208 from './dockerfile/MA208';
import MA209 from './dockerfile/MA209';
import MA210 from './dockerfile/MA210';
import MA211 from './dockerfile/MA211';
import MA212 from './dockerfile/MA212';
import MA213 from './dockerfile/MA213';
import MA301 from './project/MA301';
import MA302 from './project/MA302';
import MA303 from './project/MA303';
import MA304 from './project/MA304';
import MA401 from './image/MA401';
import MA402 from './image/MA402';
import MA403 from './image/MA403';
import MA404 from './image/MA404';
import MA405 from './image/MA405';
import MA406 from './image/MA406';
import MA407 from './image/MA407';
import MA408 from './image/MA408';
import MA409 from './image/MA409';
import MA410 from './image/MA410';
import MA411 from './image/MA411';
import MA412 from './image/MA412';
import type { RuleModule } from './rule';

export const RULE_MODULES: readonly RuleModule[] = [
  MA100,
  MA101,
  MA102,
  MA103,
  MA104,
  MA105,
  MA106,
  MA107,
  MA108,
  MA109,
  MA110,
  MA111,
  MA112,
  MA113,
  MA114,
  MA115,
  MA116,
  MA117,
  MA118,
  MA119,
  MA120,
  MA121,
  MA122,
  MA200,
  MA201,
  MA202,
  MA203,
  MA204,
  MA205,
  MA206,
  MA207,
  MA208,
  MA209,
  MA210,
  MA211,
  MA212,
  MA213,
  MA301,
  MA302,
  MA303,
  MA304,
  MA401,
  MA402,
  MA403,
  MA404,
  MA405,
  MA406,
  MA407,
  MA408,
  MA409,
  MA410,
  MA411,
  MA412,
];
