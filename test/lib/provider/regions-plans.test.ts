import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {defaultPlanName, planChangeTarget} from '../../../src/lib/provider/conformance/plans.js'
import {defaultPlatformRegion, platformRegion, unservedPlatformRegion} from '../../../src/lib/provider/regions.js'
import {parseTestTarget} from '../../../src/lib/provider/test-target.js'
import {testManifest} from '../../fixtures/provider-tooling/test-provider.js'

describe('regions for provision requests', () => {
  it('maps manifest names to platform regions', () => {
    assert.equal(platformRegion('us'), 'amazon-web-services::us-east-1')
    assert.equal(platformRegion('frankfurt'), 'amazon-web-services::eu-central-1')
    assert.equal(platformRegion('amazon-web-services::ap-southeast-2'), 'amazon-web-services::ap-southeast-2')
    assert.equal(defaultPlatformRegion(['*']), 'amazon-web-services::us-east-1')
    assert.equal(defaultPlatformRegion(['eu']), 'amazon-web-services::eu-west-1')
  })

  it('finds a region the manifest does not serve, none for *', () => {
    assert.equal(unservedPlatformRegion(['us', 'eu']), 'amazon-web-services::us-west-2')
    assert.equal(unservedPlatformRegion(['virginia']), 'amazon-web-services::eu-west-1')
    assert.equal(unservedPlatformRegion(['*']), undefined)
  })
})

describe('plans for provision and plan change', () => {
  const manifest = testManifest('http://localhost:4567')
  it('provisions the default plan and changes to the first other one', () => {
    assert.equal(defaultPlanName(manifest), 'test')
    assert.equal(planChangeTarget(manifest), 'premium')
    assert.equal(planChangeTarget(manifest, 'gold'), 'gold')
    assert.equal(defaultPlanName({...manifest, plans: undefined}), 'test')
    assert.equal(planChangeTarget({...manifest, plans: [manifest.plans![0]]}), 'test')
  })
})

describe('provider:test words', () => {
  it('reads the check, its ids and KEY=VALUE options', () => {
    assert.deepEqual(parseTestTarget([]), {target: {kind: 'all'}, options: {}})
    assert.deepEqual(parseTestTarget(['provision', 'a=1', 'b=x=y']), {target: {kind: 'provision'}, options: {a: '1', b: 'x=y'}})
    assert.deepEqual(parseTestTarget(['planchange', 'id1', 'big']), {target: {kind: 'planchange', id: 'id1', plan: 'big'}, options: {}})
    assert.throws(() => parseTestTarget(['sso']), /usage: provider:test sso ID/)
    assert.throws(() => parseTestTarget(['explode']), /unknown check "explode"/)
  })
})
