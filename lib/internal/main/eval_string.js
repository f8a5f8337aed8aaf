'use strict';

// `lode -e code` and `lode -p code`.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const { evalScript } = require('internal/process/execution');

prepareMainThreadExecution();
evalScript('[eval]', getOptionValue('--eval'),
           getOptionValue('[print_eval]'));
