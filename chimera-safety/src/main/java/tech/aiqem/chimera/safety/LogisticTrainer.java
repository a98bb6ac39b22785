package tech.aiqem.chimera.safety;

import java.util.Random;

/**
 * Trains a linear head on {@link Features} by per-sample AdaGrad with L2 regularisation: one sigmoid
 * output (labels 0/1) or a softmax over several classes (labels 0..k-1). Plain Java; the data are small
 * (thousands to tens of thousands of texts), so a few seconds an epoch at most.
 */
final class LogisticTrainer {

	private LogisticTrainer() {
	}

	/** Hyper-parameters: n-gram block scale, L2 strength, epochs, AdaGrad step. */
	record Settings(double ngramScale, double l2, int epochs, double step) {
	}

	/** Weights, one vector per output (embedding block then n-gram block), and biases. */
	record Model(float[][] weights, double[] bias, double ngramScale, int buckets) {

		double[] logits(float[] embedding, Features.Sparse ngrams) {
			double[] out = new double[this.weights.length];
			for (int k = 0; k < out.length; k++) {
				float[] w = this.weights[k];
				double z = this.bias[k];
				for (int i = 0; i < embedding.length; i++) {
					z += w[i] * embedding[i];
				}
				for (int j = 0; j < ngrams.index().length; j++) {
					z += w[SentenceEmbeddings.DIMENSIONS + ngrams.index()[j]] * ngrams.value()[j] * this.ngramScale;
				}
				out[k] = z;
			}
			return out;
		}
	}

	/**
	 * @param outputs 1 for a binary head, else the number of softmax classes
	 * @param labels class per sample (0/1 for binary)
	 * @param weights weight per sample (class and source balance)
	 * @param use which samples to train on
	 */
	static Model train(float[][] embeddings, Features.Sparse[] ngrams, int[] labels, double[] weights, boolean[] use, int outputs,
			int buckets, Settings settings, long seed) {
		int dims = SentenceEmbeddings.DIMENSIONS + buckets;
		float[][] w = new float[outputs][dims];
		float[][] g2 = new float[outputs][dims];
		double[] bias = new double[outputs];
		double[] biasG2 = new double[outputs];
		int[] order = java.util.stream.IntStream.range(0, labels.length).filter(i -> use[i]).toArray();
		Random random = new Random(seed);
		double[] grad = new double[outputs];
		Model model = new Model(w, bias, settings.ngramScale(), buckets);
		for (int epoch = 0; epoch < settings.epochs(); epoch++) {
			for (int i = order.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			for (int n : order) {
				double[] z = model.logits(embeddings[n], ngrams[n]);
				if (outputs == 1) {
					grad[0] = (LearnedHead.sigmoid(z[0]) - labels[n]) * weights[n];
				}
				else {
					double max = Double.NEGATIVE_INFINITY;
					for (double v : z) {
						max = Math.max(max, v);
					}
					double sum = 0;
					for (int k = 0; k < outputs; k++) {
						z[k] = Math.exp(z[k] - max);
						sum += z[k];
					}
					for (int k = 0; k < outputs; k++) {
						grad[k] = (z[k] / sum - (labels[n] == k ? 1 : 0)) * weights[n];
					}
				}
				for (int k = 0; k < outputs; k++) {
					update(w[k], g2[k], embeddings[n], ngrams[n], grad[k], settings);
					biasG2[k] += grad[k] * grad[k];
					bias[k] -= settings.step() * grad[k] / Math.sqrt(biasG2[k] + 1e-8);
				}
			}
		}
		return model;
	}

	/** AdaGrad on the coordinates this sample touches, with their share of the L2 penalty. */
	private static void update(float[] w, float[] g2, float[] embedding, Features.Sparse ngrams, double grad, Settings s) {
		for (int i = 0; i < embedding.length; i++) {
			double g = grad * embedding[i] + s.l2() * w[i];
			g2[i] += (float) (g * g);
			w[i] -= (float) (s.step() * g / Math.sqrt(g2[i] + 1e-8));
		}
		int[] index = ngrams.index();
		float[] value = ngrams.value();
		for (int j = 0; j < index.length; j++) {
			int i = SentenceEmbeddings.DIMENSIONS + index[j];
			double g = grad * value[j] * s.ngramScale() + s.l2() * w[i];
			g2[i] += (float) (g * g);
			w[i] -= (float) (s.step() * g / Math.sqrt(g2[i] + 1e-8));
		}
	}

	/** Fits {@code sigmoid(b0 + b1 x1 + ... )} to 0/1 targets by Newton's method (Platt scaling, fusion). */
	static double[] fitLogistic(double[][] x, int[] y, double l2) {
		int d = x[0].length + 1;
		double[] beta = new double[d];
		for (int iteration = 0; iteration < 50; iteration++) {
			double[] gradient = new double[d];
			double[][] hessian = new double[d][d];
			for (int n = 0; n < x.length; n++) {
				double[] row = row(x[n]);
				double z = 0;
				for (int i = 0; i < d; i++) {
					z += beta[i] * row[i];
				}
				double p = LearnedHead.sigmoid(z);
				for (int i = 0; i < d; i++) {
					gradient[i] += (p - y[n]) * row[i];
					for (int j = 0; j < d; j++) {
						hessian[i][j] += p * (1 - p) * row[i] * row[j];
					}
				}
			}
			for (int i = 1; i < d; i++) {
				gradient[i] += l2 * beta[i];
				hessian[i][i] += l2;
			}
			for (int i = 0; i < d; i++) {
				hessian[i][i] += 1e-9;
			}
			double[] step = solve(hessian, gradient);
			double change = 0;
			for (int i = 0; i < d; i++) {
				beta[i] -= step[i];
				change += Math.abs(step[i]);
			}
			if (change < 1e-9) {
				break;
			}
		}
		return beta;
	}

	private static double[] row(double[] x) {
		double[] row = new double[x.length + 1];
		row[0] = 1;
		System.arraycopy(x, 0, row, 1, x.length);
		return row;
	}

	/** Gaussian elimination with partial pivoting; the systems here are 2x2 or 3x3. */
	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n] = b[i];
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int r = col + 1; r < n; r++) {
				if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
					pivot = r;
				}
			}
			double[] t = m[col];
			m[col] = m[pivot];
			m[pivot] = t;
			for (int r = 0; r < n; r++) {
				if (r != col && m[col][col] != 0) {
					double f = m[r][col] / m[col][col];
					for (int c = col; c <= n; c++) {
						m[r][c] -= f * m[col][c];
					}
				}
			}
		}
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = m[i][col(n)] / (m[i][i] == 0 ? 1 : m[i][i]);
		}
		return x;
	}

	private static int col(int n) {
		return n;
	}
}
