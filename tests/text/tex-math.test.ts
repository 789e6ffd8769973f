// TeX as readable Unicode where pages' MathML cannot go (mail, feeds, text, terminal, <title>),
// on real arXiv titles of 2016 and 2025 (the fixtures' OAI records and arxiv-daily).
import { describe, expect, it } from 'vitest';
import { mathToUnicode, texToUnicode } from '../../src/text/tex-math.ts';
import { decodeTexText } from '../../src/text/tex.ts';

describe('texToUnicode on real titles', () => {
  it.each([
    ['Radial Attention: $O(n\\log n)$ Sparse Attention', 'Radial Attention: O(n log n) Sparse Attention'],
    ['PHyCLIP: $\\ell_1$-Product of Hyperbolic Factors', 'PHyCLIP: ℓ₁-Product of Hyperbolic Factors'],
    [
      'GoPrune: Accelerated Structured Pruning with $\\ell_{2,p}$-Norm',
      'GoPrune: Accelerated Structured Pruning with ℓ_(2,p)-Norm',
    ],
    ['A Note on How to Remove the $\\ln\\ln T$ Term', 'A Note on How to Remove the ln ln T Term'],
    [
      'The Complexity of Determining Existence a Hamiltonian Cycle is $O(n^3)$',
      'The Complexity of Determining Existence a Hamiltonian Cycle is O(n³)',
    ],
    ['Spike-Driven Transformer with $\\mathcal{O}(T)$ Complexity', 'Spike-Driven Transformer with 𝒪(T) Complexity'],
    ['Strongly Solving $7 \\times 6$ Connect-Four', 'Strongly Solving 7 × 6 Connect-Four'],
    ['QwenLong-CPRS: Towards $\\infty$-LLMs', 'QwenLong-CPRS: Towards ∞-LLMs'],
    ['$\\text{R}^2\\text{ec}$: Towards Large Recommender Models', 'R²ec: Towards Large Recommender Models'],
    ['DeepResearch$^{\\text{Eco}}$: A Recursive Agentic Workflow', 'DeepResearchᴱᶜᵒ: A Recursive Agentic Workflow'],
    [
      '$\\textit{Agents Under Siege}$: Breaking Pragmatic Multi-Agent LLM Systems',
      'Agents Under Siege: Breaking Pragmatic Multi-Agent LLM Systems',
    ],
    ['$\\textrm{ODE}_t \\left(\\textrm{ODE}_l \\right)$: Shortcutting the Time', 'ODEₜ (ODEₗ): Shortcutting the Time'],
    [
      'Bringing Open Set metrics to $\\textit{near} $, $ \\textit{far} $ and $\\textit{farther}$ Out-of-Distribution',
      'Bringing Open Set metrics to near, far and farther Out-of-Distribution',
    ],
    [
      'Neural Reasoning for Robust Instance Retrieval in $\\mathcal{SHOIQ}$',
      'Neural Reasoning for Robust Instance Retrieval in 𝒮ℋ𝒪ℐ𝒬',
    ],
    [
      'Observation of excited $\\Omega_c^0$ baryons in $\\Omega_b^- \\to \\Xi_c^+ K^-\\pi^-$ decays',
      'Observation of excited Ω_c⁰ baryons in Ω_b⁻ → Ξ_c⁺ K⁻π⁻ decays',
    ],
  ])('%s', (tex, unicode) => {
    expect(texToUnicode(tex)).toBe(unicode);
  });

  it('reads the formulas the realistic day puts in titles', () => {
    expect(texToUnicode('Bandits with $\\tilde{O}(\\sqrt{T})$ Regret')).toBe('Bandits with Õ(√T) Regret');
    expect(texToUnicode('Sample Complexity in $\\mathbb{R}^d$')).toBe('Sample Complexity in ℝᵈ');
    expect(texToUnicode('Rate $\\mathcal{O}(1/\\sqrt{n})$')).toBe('Rate 𝒪(1/√n)');
    expect(texToUnicode('an $O(\\log^2 n)$ Approximation')).toBe('an O(log² n) Approximation');
    expect(texToUnicode('under $(\\epsilon, \\delta)$-Differential Privacy')).toBe('under (ε, δ)-Differential Privacy');
    expect(texToUnicode('on the Sphere $\\mathcal{S}^{d-1}$')).toBe('on the Sphere 𝒮ᵈ⁻¹');
    expect(texToUnicode('over $\\mathrm{GF}(2^m)$')).toBe('over GF(2ᵐ)');
    expect(texToUnicode('in $\\mathbb{C}^{n \\times n}$')).toBe('in ℂ^(n×n)');
    expect(texToUnicode('$\\frac{a+b}{2}$ and $\\sum_{i=1}^n x_i$')).toBe('(a+b)/2 and ∑ᵢ₌₁ⁿ xᵢ');
  });

  it('leaves no dollar, and no space after a formula that was not written', () => {
    const shown = texToUnicode('$\\ell_1$-Regularized Logistic Regression at $90^\\circ$');
    expect(shown).toBe('ℓ₁-Regularized Logistic Regression at 90°');
    expect(shown).not.toContain('$');
  });

  it("keeps a formula's source, without the dollars, when it holds a paper's own macro", () => {
    expect(texToUnicode('$\\projectname$: a Benchmark')).toBe('\\projectname: a Benchmark');
    expect(mathToUnicode('\\bW_q^{\\top} \\bW_k')).toBeUndefined();
    expect(mathToUnicode('{'.repeat(100) + 'x' + '}'.repeat(100))).toBeUndefined();
    expect(mathToUnicode('x}')).toBeUndefined();
  });

  it('reads \\unicode, \\not and primes', () => {
    expect(mathToUnicode('\\unicode{x2013}')).toBe('–');
    expect(mathToUnicode('x \\not= y')).toBe('x ≠ y');
    expect(mathToUnicode("f'(x)")).toBe('f′(x)');
  });
});

describe('text-mode font switches', () => {
  it.each([
    ['Detecting {\\em backdoor attacks} in the wild', 'Detecting backdoor attacks in the wild'],
    ['{\\it LagKV}: Lag-Relative Information', 'LagKV: Lag-Relative Information'],
    ['A {\\bf bold} claim and a \\textit{quiet} one', 'A bold claim and a quiet one'],
    ['Classes {\\cal C} of functions', 'Classes 𝒞 of functions'],
    ['{\\em VD} and {\\tt code}', 'VD and code'],
  ])('%s', (tex, unicode) => {
    expect(decodeTexText(tex)).toBe(unicode);
    expect(texToUnicode(tex)).toBe(unicode);
  });
});
