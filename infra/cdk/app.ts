import { buildApp } from './build-app';

buildApp();
