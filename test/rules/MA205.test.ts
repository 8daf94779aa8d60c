// MA205: A batch image lacks python, a JRE/JDK or zip.
import assert from 'node:assert/strict';
import { ruleTester, type InvalidCase } from '../helpers/ruleTester';
import { HANDLER, SERVER, online } from '../helpers/folders';

const TAIL = 'COPY run.sh /home/run.sh\nCOPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD /bin/sh /home/run.sh\n';
const RUN = { 'run.sh': 'exec python3 /home/server.py\n' };
const batch = (head: string) => online(head + TAIL, RUN);
const UNREADABLE = { ...RUN, 'install.sh': 'apt-get install -y default-jre zip\n' };

/** Each base image, fixed by installing what it lacks with its package manager. */
const fixes: InvalidCase[] = ['python:3.11-slim', 'ubuntu:22.04', 'alpine:3.19', 'centos:7', 'rockylinux:9', 'eclipse-temurin:17'].map((base) => ({
  name: `the install line for ${base}`,
  files: { Dockerfile: `FROM ${base}\n` + TAIL, ...RUN, 'server.py': HANDLER },
  fixed: 'clean',
  whenFixed: base === 'python:3.11-slim' ? (files) => assert.match(files.Dockerfile,
    /RUN apt-get update && apt-get install -y --no-install-recommends default-jre-headless zip && rm -rf \/var\/lib\/apt\/lists\/\*/) : undefined,
}));

ruleTester('MA205', {
  valid: [
    {
      name: 'a JRE base with python and zip installed (apt-get)',
      files: batch('FROM eclipse-temurin:17-jre\nRUN apt-get update && apt-get install -y python3 zip\n'),
      alone: true,
    },
    { name: 'apk add', files: batch('FROM alpine:3.19\nRUN apk add --no-cache python3 openjdk17-jre-headless zip\n'), alone: true },
    { name: 'yum install', files: batch('FROM centos:7\nRUN yum install -y java-11-openjdk zip\n'), alone: true },
    { name: 'a private base image is not judged', files: batch('FROM swr.cn-north-4.myhuaweicloud.com/org/base:1\n'), alone: true },
    {
      name: 'package lists in a variable cannot be read',
      files: online('FROM python:3.11-slim\nARG PKGS="default-jre zip"\nRUN apt-get update && apt-get install -y $PKGS\n' + TAIL, UNREADABLE),
      alone: true,
    },
    {
      name: 'a setup script cannot be read',
      files: online('FROM python:3.11-slim\nCOPY install.sh /tmp/\nRUN bash /tmp/install.sh\n' + TAIL, UNREADABLE),
      alone: true,
    },
    { name: 'marked online', files: online('# modelarts-service: online\nFROM python:3.11-slim\n' + TAIL, UNREADABLE), alone: true },
    {
      name: 'the service kind forced online',
      files: { Dockerfile: 'FROM python:3.11-slim\n' + TAIL, 'server.py': SERVER, ...UNREADABLE },
      opts: { serviceKind: 'online' },
      alone: true,
    },
  ],
  invalid: [
    {
      name: 'one finding per missing component, at the last FROM',
      files: batch('FROM python:3.11-slim\n'),
      alone: true,
      count: 2,
      then: (found) => assert.ok(found.every((x) => x.range.start.line === 0), 'at the last FROM'),
    },
    { name: 'ubuntu lacks all three', files: batch('FROM ubuntu:22.04\n'), alone: true, count: 3 },
    ...fixes,
  ],
});
