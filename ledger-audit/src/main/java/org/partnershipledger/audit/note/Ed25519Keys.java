package org.partnershipledger.audit.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** Raw 32-byte Ed25519 keys (as signed notes carry them) to and from the JDK's key objects. */
final class Ed25519Keys {

    static final int LENGTH = 32;

    /** An X.509 SubjectPublicKeyInfo for Ed25519 is this fixed header followed by the 32 raw key bytes. */
    private static final byte[] X509_HEADER = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Keys() {
    }

    static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /**
     * The key pair of a 32-byte seed. The JDK has no public call that derives an Ed25519 public key from a private
     * one, but its generator takes the seed as the 32 random bytes it draws; the caller checks the result against a
     * known public key where it has one.
     */
    static KeyPair fromSeed(byte[] seed) {
        if (seed.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        return generate(new SeedRandom(seed));
    }

    static byte[] seed(PrivateKey key) {
        return ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalArgumentException("key has no seed"));
    }

    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - LENGTH, encoded.length);
    }

    static PublicKey publicKey(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] encoded = Arrays.copyOf(X509_HEADER, X509_HEADER.length + LENGTH);
        System.arraycopy(raw, 0, encoded, X509_HEADER.length, LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            // A malformed signature is simply not a valid one.
            return false;
        }
    }

    /** Hands out the seed as the generator's "random" bytes. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
