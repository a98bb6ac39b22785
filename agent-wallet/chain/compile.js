// Compiles contracts/TestUSDC.sol with solcjs (the version pinned in package.json) into the artifact
// the Java side deploys: {contractName, compiler, evmVersion, abi, bytecode}. With a path argument it
// writes that file; without, it prints to stdout (the build's test recompiles and compares).
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const source = fs.readFileSync(path.join(__dirname, 'contracts', 'TestUSDC.sol'), 'utf8');
const input = {
  language: 'Solidity',
  sources: { 'TestUSDC.sol': { content: source } },
  settings: {
    // paris: no PUSH0, so the bytecode runs on every chain ganache 7 and the L2s accept.
    evmVersion: 'paris',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
const contract = output.contracts['TestUSDC.sol'].TestUSDC;
const artifact = {
  contractName: 'TestUSDC',
  compiler: 'solc ' + solc.version(),
  evmVersion: input.settings.evmVersion,
  abi: contract.abi,
  bytecode: '0x' + contract.evm.bytecode.object,
};
const text = JSON.stringify(artifact, null, 2) + '\n';
if (process.argv[2]) {
  fs.mkdirSync(path.dirname(path.resolve(process.argv[2])), { recursive: true });
  fs.writeFileSync(process.argv[2], text);
} else {
  process.stdout.write(text);
}
